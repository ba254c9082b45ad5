package dev.tollgate.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

    static AuditRecord awkward() {
        return new AuditRecord("app", "e-1", "Failed", "Rejected by mei: \"no\", sorry", "STANDARD", "Webhook", "",
                AT, AT.plusSeconds(3723), 3723L,
                List.of(new AuditRecord.Commit("Source", "abc123", "Line one\r\nline two, with \"quotes\"", "https://x/y?a=1,2"),
                        new AuditRecord.Commit("Infra", "def456", "=HYPERLINK(\"http://evil\")", "")),
                List.of(new AuditRecord.Approval("Approval", "QA", "Rejected", "arn:aws:sts::1:assumed-role/A/mei",
                                "-1 from me; 'quoted' @team +plus\ttab", AT.plusSeconds(60)),
                        new AuditRecord.Approval("Prod", "Gate", "Waiting", "", "", null)),
                List.of(new AuditRecord.Image("web", "1.dkr.ecr.us-east-1.amazonaws.com/web:abc", "abc",
                        "sha256:" + "a".repeat(64))),
                "");
    }

    static AuditRecord plain() {
        return new AuditRecord("app", "e-2", "InProgress", null, null, null, null, AT, null, null,
                List.of(), List.of(), List.of(), "This execution has no build output yet, so there is no image to show.");
    }

    @Test
    void readsBackExactlyWhatItWrote() throws IOException {
        List<AuditRecord> records = List.of(awkward(), plain(), awkward());

        assertThat(AuditCsv.read(AuditCsv.write(records))).isEqualTo(records);
    }

    @Test
    void anEmptyExportStillHasItsHeader() throws IOException {
        byte[] csv = AuditCsv.write(List.of());

        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("pipeline,execution_id,status");
        assertThat(AuditCsv.read(csv)).isEmpty();
    }

    @Test
    void cellsThatSpreadsheetsWouldRunAsFormulasAreDefused() {
        String csv = new String(AuditCsv.write(List.of(awkward())), StandardCharsets.UTF_8);

        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(csv).doesNotContain(",=HYPERLINK");
        assertThat(AuditCsv.escape("'already")).isEqualTo("''already");
        assertThat(AuditCsv.escape("plain")).isEqualTo("plain");
    }

    @Test
    void startsWithAByteOrderMarkSoSpreadsheetsReadUtf8() {
        byte[] csv = AuditCsv.write(List.of(plain()));

        assertThat(new String(csv, StandardCharsets.UTF_8)).startsWith("\uFEFFpipeline,");
    }

    @Test
    void numbersColumnsForTheMostApprovalsAnyExecutionHas() {
        String header = new String(AuditCsv.write(List.of(awkward())), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();

        assertThat(header).contains("approval_1_approver", "approval_2_approver", "commit_2_message", "image_1_digest")
                .doesNotContain("approval_3_", "image_2_");
    }

    @Test
    void refusesAFileThatIsNotAnAuditExport() {
        assertThatThrownBy(() -> AuditCsv.read("name,age\r\nbo,3\r\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("not a Tollgate audit CSV");
        assertThatThrownBy(() -> AuditCsv.read("pipeline,\"unterminated".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void jsonReadsBackToo() throws IOException {
        List<AuditRecord> records = List.of(awkward(), plain());

        byte[] json = AuditJson.write("app", AT, "all executions", records);

        assertThat(AuditJson.read(json)).isEqualTo(records);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"format\" : \"tollgate-history/1\"", "\"filter\" : \"all executions\"");
    }
}
