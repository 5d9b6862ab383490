package com.primejennie.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueueStreamsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // spec §2.4 [DEFECT]: Python published these to stream:jobs:<scope>.jobs.scout, which nothing read
            "real.jobs.scout, stream:jobs:scout",
            "mock.jobs.scout, stream:jobs:scout",
            "jobs.scout, stream:jobs:scout",
            "scout, stream:jobs:scout",
            "stream:jobs:real.jobs.scout, stream:jobs:scout",
            "stream:jobs:scout, stream:jobs:scout",
            "real.jobs.data, stream:jobs:data",
            "real.jobs.data.intraday, stream:jobs:data",
            "mock.jobs.data.dart, stream:jobs:data",
            "data, stream:jobs:data",
            "real.jobs.price-monitor, stream:jobs:price-monitor",
            "reports, stream:jobs:reports",
            "stream:custom, stream:custom"})
    void mapsEveryQueueSpellingToTheStreamItsConsumerReads(String queue, String stream) {
        assertThat(QueueStreams.streamFor(queue)).isEqualTo(stream);
    }

    @ParameterizedTest
    @CsvSource({"' '", "real.jobs."})
    void refusesAQueueWithoutAName(String queue) {
        assertThatThrownBy(() -> QueueStreams.streamFor(queue)).isInstanceOf(InvalidJobException.class)
                .hasMessageContaining("queue");
    }
}
