package org.assure.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.assure.channels.ChannelPrivilege;
import org.assure.channels.ManagementContext;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementRequest;
import org.assure.channels.ManagementResponse;
import org.assure.channels.ManagementStatus;
import org.assure.core.model.Bytes;
import org.junit.jupiter.api.Test;

class ApiValuesTest {
    @Test
    void equals_and_hash_code() {
        EqualsVerifier.forClass(ManagementRequest.class).withNonnullFields("method", "path", "query",
                "contentFormat", "payload").verify();
        EqualsVerifier.forClass(ManagementResponse.class).withNonnullFields("status", "contentFormat", "payload")
                .verify();
        EqualsVerifier.forClass(ManagementContext.class).withNonnullFields("privileges", "channelId", "keys",
                "channels").verify();
    }

    @Test
    void requests_copy_their_lists_and_refuse_nulls() {
        java.util.ArrayList<String> path = new java.util.ArrayList<>(List.of("v1", "ping"));
        ManagementRequest request = new ManagementRequest(ManagementMethod.GET, path, List.of(), OptionalInt.empty(),
                Bytes.EMPTY);
        path.add("changed");
        assertThat(request.path()).containsExactly("v1", "ping");
        assertThatThrownBy(() -> new ManagementRequest(null, List.of(), List.of(), OptionalInt.empty(), Bytes.EMPTY))
                .isInstanceOf(NullPointerException.class);
        assertThat(new ManagementContext(Set.of(ChannelPrivilege.KEY_MANAGEMENT), OptionalLong.empty(),
                Optional.empty(), Optional.empty()).privileges()).containsExactly(ChannelPrivilege.KEY_MANAGEMENT);
    }

    @Test
    void status_codes_round_trip_and_print_dotted() {
        for (ManagementStatus status : ManagementStatus.values()) {
            assertThat(ManagementStatus.fromCode(status.code())).hasValue(status);
        }
        assertThat(ManagementStatus.REQUEST_ENTITY_TOO_LARGE.text()).isEqualTo("4.13");
        assertThat(ManagementStatus.CHANGED.text()).isEqualTo("2.04");
        assertThat(ManagementStatus.fromCode(0x47)).isEmpty();
    }
}
