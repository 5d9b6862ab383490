package com.primejennie.shared.bootstrap;

import org.junit.jupiter.api.Test;

import com.primejennie.shared.testing.ArchitectureRules;

class SharedArchitectureTest {

    @Test
    void sharedDependsOnNoApp() {
        ArchitectureRules.assertSharedDependsOnNoApp();
    }
}
