package dev.tollgate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package boundaries of the design (ARCHITECTURE.md, STYLE.md), checked so they cannot drift silently. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tollgate");
    }

    @Test
    void theDomainKnowsNeitherJavaFxNorTheSdk() {
        noClasses().that().resideInAPackage("dev.tollgate.pipeline..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "software.amazon.awssdk..")
                .check(classes);
    }

    @Test
    void releaseParsingKnowsNeitherJavaFxNorTheSdk() {
        noClasses().that().resideInAPackage("dev.tollgate.release..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "software.amazon.awssdk..")
                .check(classes);
    }

    @Test
    void identityPortsKnowNeitherJavaFxNorTheSdk() {
        noClasses().that().resideInAPackage("dev.tollgate.identity..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "software.amazon.awssdk..", "dev.tollgate.aws..")
                .check(classes);
    }

    @Test
    void theAwsLayerKnowsNoJavaFx() {
        noClasses().that().resideInAPackage("dev.tollgate.aws..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void theWatcherKnowsNoJavaFx() {
        noClasses().that().resideInAPackage("dev.tollgate.watch..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void theUiNeverCallsTheSdk() {
        noClasses().that().resideInAPackage("dev.tollgate.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..", "dev.tollgate.aws..")
                .check(classes);
    }

    @Test
    void theAppTalksToTheSandboxOnlyToStartIt() {
        noClasses().that().resideOutsideOfPackages("dev.tollgate.sandbox..", "dev.tollgate.app..")
                .should().dependOnClassesThat().resideInAPackage("dev.tollgate.sandbox..")
                .check(classes);
    }

    @Test
    void theSandboxKnowsNothingOfTheApp() {
        noClasses().that().resideInAPackage("dev.tollgate.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tollgate.pipeline..", "dev.tollgate.ui..",
                        "dev.tollgate.aws..", "dev.tollgate.watch..", "dev.tollgate.release..", "javafx..")
                .check(classes);
    }
}
