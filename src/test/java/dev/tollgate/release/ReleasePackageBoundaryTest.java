package dev.tollgate.release;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The release package stays pure: no UI, no AWS SDK, no network or files, no shared mutable state. */
class ReleasePackageBoundaryTest {

    private static final JavaClasses RELEASE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tollgate.release");

    @Test
    void dependsOnNeitherJavaFxNorTheAwsSdkNorNetworkOrFileApis() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "software.amazon.awssdk..", "java.net..", "java.nio.file..", "dev.tollgate.app..")
                .check(RELEASE);
    }

    @Test
    void keepsNoStaticMutableState() {
        fields().that().areStatic().should().beFinal().check(RELEASE);
    }
}
