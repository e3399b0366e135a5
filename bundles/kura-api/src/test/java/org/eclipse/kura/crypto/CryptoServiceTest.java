package org.eclipse.kura.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CryptoServiceTest {

    @Test
    void givenAnImplementationOfHash_whenTheDefaultShaMethodsAreCalled_thenTheyDelegateWithTheJcaAlgorithmNames()
            throws Exception {
        List<String> calls = new ArrayList<>();
        CryptoService crypto = (CryptoService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { CryptoService.class }, (proxy, method, args) -> {
                    if (method.isDefault()) {
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    if (method.getName().equals("hash")) {
                        calls.add(args[0] + "|" + args[1]);
                        return "digest-of-" + args[0];
                    }
                    throw new UnsupportedOperationException(method.getName());
                });

        String sha1 = crypto.sha1Hash("text");
        String sha256 = crypto.sha256Hash("text");

        assertThat(sha1).isEqualTo("digest-of-text");
        assertThat(sha256).isEqualTo("digest-of-text");
        assertThat(calls).containsExactly("text|SHA-1", "text|SHA-256");
    }
}
