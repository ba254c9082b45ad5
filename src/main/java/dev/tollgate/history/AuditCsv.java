package dev.tollgate.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The audit trail as CSV (RFC 4180), one row per execution, for spreadsheets. Executions with several commits,
 * approvals or images get numbered columns ({@code approval_1_approver}, {@code approval_2_approver}…), as many
 * as the most any exported execution has, so every value keeps a cell of its own and the file reads back exactly.
 *
 * <p>Spreadsheets run cells that start with {@code = + - @} as formulas, and commit messages and comments are
 * written by others; such a cell (and one starting with an apostrophe) is written with a leading apostrophe,
 * which {@link #read} removes again.
 */
public final class AuditCsv {

    // Excel takes a file without a byte order mark for the local code page and garbles non-ASCII names.
    private static final String BOM = "\uFEFF";
    private static final String EOL = "\r\n";
    private static final List<String> FIXED = List.of("pipeline", "execution_id", "status", "status_summary",
            "execution_type", "trigger", "trigger_detail", "started_at", "ended_at", "duration_seconds", "images_note");
    private static final List<String> COMMIT = List.of("source", "id", "message", "url");
    private static final List<String> APPROVAL = List.of("stage", "action", "decision", "approver", "comment", "at");
    private static final List<String> IMAGE = List.of("container", "uri", "tag", "digest");

    private AuditCsv() {
    }

    public static byte[] write(List<AuditRecord> records) {
        int commits = records.stream().mapToInt(r -> r.commits().size()).max().orElse(0);
        int approvals = records.stream().mapToInt(r -> r.approvals().size()).max().orElse(0);
        int images = records.stream().mapToInt(r -> r.images().size()).max().orElse(0);
        List<String> header = new ArrayList<>(FIXED);
        numbered(header, "commit", COMMIT, Math.max(1, commits));
        numbered(header, "approval", APPROVAL, Math.max(1, approvals));
        numbered(header, "image", IMAGE, Math.max(1, images));
        StringBuilder out = new StringBuilder(BOM);
        line(out, header);
        for (AuditRecord record : records) {
            List<String> cells = new ArrayList<>(List.of(record.pipeline(), record.executionId(), record.status(),
                    record.statusSummary(), record.executionType(), record.trigger(), record.triggerDetail(),
                    instant(record.startedAt()), instant(record.endedAt()),
                    record.durationSeconds() == null ? "" : record.durationSeconds().toString(), record.imagesNote()));
            for (int i = 0; i < Math.max(1, commits); i++) {
                AuditRecord.Commit c = i < record.commits().size() ? record.commits().get(i) : new AuditRecord.Commit("", "", "", "");
                cells.addAll(List.of(c.source(), c.id(), c.message(), c.url()));
            }
            for (int i = 0; i < Math.max(1, approvals); i++) {
                AuditRecord.Approval a = i < record.approvals().size() ? record.approvals().get(i)
                        : new AuditRecord.Approval("", "", "", "", "", null);
                cells.addAll(List.of(a.stage(), a.action(), a.decision(), a.approver(), a.comment(), instant(a.at())));
            }
            for (int i = 0; i < Math.max(1, images); i++) {
                AuditRecord.Image m = i < record.images().size() ? record.images().get(i) : new AuditRecord.Image("", "", "", "");
                cells.addAll(List.of(m.container(), m.uri(), m.tag(), m.digest()));
            }
            line(out, cells);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads back a file {@link #write} produced.
     *
     * @throws IOException when it is not such a file, naming the line
     */
    public static List<AuditRecord> read(byte[] content) throws IOException {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith(BOM)) {
            text = text.substring(1);
        }
        List<List<String>> rows = parse(text);
        if (rows.isEmpty()) {
            throw new IOException("The file is empty; an audit CSV starts with a header line");
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i), i);
        }
        for (String name : FIXED) {
            if (!column.containsKey(name)) {
                throw new IOException("The header has no column " + name + "; this is not a Tollgate audit CSV");
            }
        }
        List<AuditRecord> records = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int lineNumber = r + 1;
            Function<String, String> cell = name -> {
                Integer index = column.get(name);
                return index == null || index >= row.size() ? "" : row.get(index);
            };
            try {
                records.add(new AuditRecord(cell.apply("pipeline"), cell.apply("execution_id"), cell.apply("status"),
                        cell.apply("status_summary"), cell.apply("execution_type"), cell.apply("trigger"),
                        cell.apply("trigger_detail"), instant(cell.apply("started_at")), instant(cell.apply("ended_at")),
                        cell.apply("duration_seconds").isEmpty() ? null : Long.valueOf(cell.apply("duration_seconds")),
                        entries(column, "commit", n -> new AuditRecord.Commit(cell.apply(n + "source"), cell.apply(n + "id"),
                                cell.apply(n + "message"), cell.apply(n + "url"))),
                        entries(column, "approval", n -> new AuditRecord.Approval(cell.apply(n + "stage"),
                                cell.apply(n + "action"), cell.apply(n + "decision"), cell.apply(n + "approver"),
                                cell.apply(n + "comment"), instant(cell.apply(n + "at")))),
                        entries(column, "image", n -> new AuditRecord.Image(cell.apply(n + "container"),
                                cell.apply(n + "uri"), cell.apply(n + "tag"), cell.apply(n + "digest"))),
                        cell.apply("images_note")));
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IOException("Line " + lineNumber + " has a malformed number or time: " + e.getMessage(), e);
            }
        }
        return records;
    }

    private static <T> List<T> entries(Map<String, Integer> column, String prefix, Function<String, T> make) {
        List<T> entries = new ArrayList<>();
        // Empty entries are dropped by the record itself, so fixed-width rows read back as their real lists.
        for (int n = 1; column.containsKey(prefix + "_" + n + "_" + firstField(prefix)); n++) {
            entries.add(make.apply(prefix + "_" + n + "_"));
        }
        return entries;
    }

    private static String firstField(String prefix) {
        return switch (prefix) {
            case "commit" -> COMMIT.get(0);
            case "approval" -> APPROVAL.get(0);
            default -> IMAGE.get(0);
        };
    }

    private static void numbered(List<String> header, String prefix, List<String> fields, int count) {
        for (int n = 1; n <= count; n++) {
            for (String field : fields) {
                header.add(prefix + "_" + n + "_" + field);
            }
        }
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(escape(cells.get(i)));
        }
        out.append(EOL);
    }

    static String escape(String value) {
        String cell = value;
        if (!cell.isEmpty() && "=+-@'\t\r".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0 || (!cell.isEmpty() && (cell.charAt(0) == ' ' || cell.charAt(cell.length() - 1) == ' '));
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    /** RFC 4180 fields: quoted fields may hold commas, quotes (doubled) and line breaks. */
    static List<List<String>> parse(String text) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                row.add(unescape(field.toString()));
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                row.add(unescape(field.toString()));
                field.setLength(0);
                wasQuoted = false;
                rows.add(row);
                row = new ArrayList<>();
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new IOException("The file ends inside a quoted field");
        }
        if (field.length() > 0 || !row.isEmpty() || wasQuoted) {
            row.add(unescape(field.toString()));
            rows.add(row);
        }
        return rows;
    }

    private static String unescape(String cell) {
        return cell.startsWith("'") ? cell.substring(1) : cell;
    }

    private static String instant(Instant at) {
        return at == null ? "" : at.toString();
    }

    private static Instant instant(String text) {
        return text.isEmpty() ? null : Instant.parse(text);
    }
}
