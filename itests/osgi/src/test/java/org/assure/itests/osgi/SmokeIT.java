package org.assure.itests.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

@RunWith(PaxExam.class)
public class SmokeIT {
    @Configuration
    public Option[] config() {
        return ExamRuntime.options("smoke");
    }

    @Test
    public void all_bundles_are_active() {
        Bundle[] bundles = FrameworkUtil.getBundle(getClass()).getBundleContext().getBundles();
        for (Bundle b : bundles) {
            System.out.println("BUNDLE " + b.getSymbolicName() + " " + b.getVersion() + " " + b.getState());
        }
        assertThat(Arrays.stream(bundles).filter(b -> b.getState() != Bundle.ACTIVE && b.getHeaders().get("Fragment-Host") == null))
                .extracting(Bundle::getSymbolicName).isEmpty();
    }
}
