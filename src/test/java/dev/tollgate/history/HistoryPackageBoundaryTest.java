package dev.tollgate.history;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The history package reads AWS only through the {@code ExecutionHistory} port and knows no window: it is shared by
 * the history tab and the export, and tested without either.
 */
class HistoryPackageBoundaryTest {

    private static final JavaClasses HISTORY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tollgate.history");

    @Test
    void dependsOnNeitherJavaFxNorTheAwsSdkNorTheAwsLayer() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "software.amazon.awssdk..", "dev.tollgate.aws..", "dev.tollgate.ui..", "dev.tollgate.app..")
                .check(HISTORY);
    }

    @Test
    void keepsNoStaticMutableState() {
        fields().that().areStatic().should().beFinal().check(HISTORY);
    }
}
