package org.claimscrubber.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When `run` gets a JVM of its own: only when the user gave java no heap option. */
class LauncherTest {

    @Test
    void aHeapOptionGivenToJavaIsTheUsersChoice() {
        assertThat(Launcher.heapGiven(List.of("-Xmx4g"))).isTrue();
        assertThat(Launcher.heapGiven(List.of("-Dfoo=bar", "-XX:MaxRAMPercentage=50"))).isTrue();
        assertThat(Launcher.heapGiven(List.of("-XX:MaxHeapSize=2147483648"))).isTrue();
        assertThat(Launcher.heapGiven(List.of("-Dfile.encoding=UTF-8", "-Xss2m", "-Xms256m")))
                .isFalse();
        assertThat(Launcher.heapGiven(List.of())).isFalse();
    }

    @Test
    void aRunMayTakeHalfTheMachinesMemoryBesideItsHeap() {
        assertThat(Launcher.directMemory(24L << 30)).isEqualTo("12288m");
        assertThat(Launcher.directMemory(0)).isEqualTo("0");
    }

    @Test
    void aRunUnderTheDebuggerStaysInTheDebuggedJvm() {
        assertThat(
                        Launcher.debugged(
                                List.of(
                                        "-agentlib:jdwp=transport=dt_socket,server=y,address=5005")))
                .isTrue();
        assertThat(Launcher.debugged(List.of("-javaagent:/opt/agent.jar", "-Dx=y"))).isFalse();
    }

    /**
     * Issue 21: run <(zcat x.gz) named /dev/fd/63, which a child JVM cannot open; such a run stays
     * in-process.
     */
    @Test
    void anInputNamedByAnOpenDescriptorKeepsTheRunInThisJvm() {
        assertThat(Launcher.namesADescriptor(new String[] {"run", "/dev/fd/63"})).isTrue();
        assertThat(Launcher.namesADescriptor(new String[] {"run", "--out", "r", "/proc/self/fd/5"}))
                .isTrue();
        assertThat(Launcher.namesADescriptor(new String[] {"run", "/dev/stdin"})).isTrue();
        assertThat(Launcher.namesADescriptor(new String[] {"run", "claims/dev/fd.csv", "-"}))
                .isFalse();
    }
}
