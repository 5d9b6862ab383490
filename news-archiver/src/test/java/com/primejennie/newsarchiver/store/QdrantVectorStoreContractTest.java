package com.primejennie.newsarchiver.store;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import com.primejennie.newsarchiver.support.DockerProbe;
import com.primejennie.shared.domain.WireJson;

/**
 * The same contract against a real Qdrant ({@code qdrant/qdrant} in Docker, gRPC port 6334). Skipped with the reason
 * where no Docker engine answers or it has no Qdrant image (no registry to pull from).
 */
class QdrantVectorStoreContractTest extends VectorStoreContract {

    private static final String IMAGE = "qdrant/qdrant:v1.16.2";
    private static GenericContainer<?> qdrant;
    private static Optional<String> skipReason = Optional.empty();

    @BeforeAll
    static void startQdrant() {
        skipReason = DockerProbe.whyNotRunnable(IMAGE);
        if (skipReason.isPresent()) {
            return; // every test reports itself skipped with the reason (newStore)
        }
        qdrant = new GenericContainer<>(DockerImageName.parse(IMAGE)).withExposedPorts(6333, 6334)
                .withStartupTimeout(Duration.ofMinutes(2));
        qdrant.start();
    }

    @AfterAll
    static void stopQdrant() {
        if (qdrant != null) {
            qdrant.stop();
        }
    }

    @Override
    protected VectorStore newStore() {
        Assumptions.assumeTrue(skipReason.isEmpty(), () -> "Qdrant contract test skipped: " + skipReason.get());
        return new QdrantVectorStore(qdrant.getHost(), qdrant.getMappedPort(6334), null,
                "contract_" + UUID.randomUUID().toString().replace("-", ""), DIM, Duration.ofSeconds(10),
                WireJson.mapper()).ensureCollection();
    }
}
