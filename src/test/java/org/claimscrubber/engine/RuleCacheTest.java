package org.claimscrubber.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.domain.Severity;
import org.junit.jupiter.api.Test;

/** The rules cache reads back only the classes a compiled rule base is made of. */
class RuleCacheTest {

    private static Object readFiltered(Object written) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(written);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            in.setObjectInputFilter(RuleCache.ONLY_RULE_CLASSES);
            return in.readObject();
        }
    }

    @Test
    void aClassOutsideTheRuleBaseIsRefused() {
        // a Serializable class that a rule base never holds (Jackson's text node): refused before
        // it is built
        assertThatThrownBy(() -> readFiltered(new TextNode("planted")))
                .isInstanceOf(InvalidClassException.class);
    }

    @Test
    void javaAndProjectClassesAreRead() throws Exception {
        List<String> list = new ArrayList<>(List.of("a", "b"));
        assertThat(readFiltered(list)).isEqualTo(list);
        assertThat(readFiltered(Severity.ERROR)).isEqualTo(Severity.ERROR);
    }
}
