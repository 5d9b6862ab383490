package com.primejennie.shared.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The module rules of ARCHITECTURE.md §2 as ArchUnit checks: apps depend on {@code shared}, never on each other, and
 * {@code shared} depends on no app. Each app runs {@link #assertAppIsIndependent(String)} for its own package.
 */
public final class ArchitectureRules {

    /** Root package of every app module; {@code shared} is {@code com.primejennie.shared}. */
    public static final List<String> APP_PACKAGES = List.of(
            "com.primejennie.buyscanner", "com.primejennie.buyexecutor", "com.primejennie.sellexecutor",
            "com.primejennie.pricemonitor", "com.primejennie.commandhandler", "com.primejennie.scoutjob",
            "com.primejennie.scheduler", "com.primejennie.newsarchiver", "com.primejennie.dashboard",
            "com.primejennie.kissim");

    private ArchitectureRules() {
    }

    /** Fails when a class of {@code appPackage} uses a class of any other app. */
    public static void assertAppIsIndependent(String appPackage) {
        if (!APP_PACKAGES.contains(appPackage)) {
            throw new IllegalArgumentException("unknown app package " + appPackage + "; known: " + APP_PACKAGES);
        }
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(appPackage);
        if (classes.isEmpty()) {
            throw new IllegalStateException("no classes found in " + appPackage);
        }
        String[] others = APP_PACKAGES.stream().filter(p -> !p.equals(appPackage)).map(p -> p + "..")
                .toArray(String[]::new);
        noClasses().that().resideInAPackage(appPackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("apps talk only through Redis, MariaDB and HTTP APIs (ARCHITECTURE.md §2)")
                .check(classes);
    }

    /** Fails when a class of {@code shared} uses a class of any app. */
    public static void assertSharedDependsOnNoApp() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.primejennie.shared");
        noClasses().that().resideInAPackage("com.primejennie.shared..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        APP_PACKAGES.stream().map(p -> p + "..").toArray(String[]::new))
                .because("shared is the library under every app and must not know any of them")
                .check(classes);
    }
}
