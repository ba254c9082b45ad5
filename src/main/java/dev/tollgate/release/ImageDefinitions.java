package dev.tollgate.release;

import static dev.tollgate.release.DisplayText.quote;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The containers and images a definitions file deploys, read from {@code imagedefinitions.json}
 * ({@code [{"name": "web", "imageUri": "…"}]}) or {@code imageDetail.json} ({@code {"ImageURI": "…"}}).
 *
 * <p>Reading is strict where leniency could hide what ships: the file must be UTF-8 JSON with
 * nothing after the value, no object may repeat a field (ECS might read either copy), and no
 * container may be listed twice. Fields Tollgate does not know are accepted and ignored.
 *
 * @param source     which file and format this was read from
 * @param containers the images, in file order; never empty
 */
public record ImageDefinitions(DefinitionsFile source, List<ContainerImage> containers) {

    // ECS container names: up to 255 letters, digits, hyphens and underscores.
    private static final Pattern ECS_CONTAINER_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final int MAX_PARSER_DETAIL_CHARS = 160;

    /** Requires a source and at least one container. */
    public ImageDefinitions {
        Objects.requireNonNull(source, "source");
        containers = List.copyOf(containers);
        if (containers.isEmpty()) {
            throw new IllegalArgumentException("An ImageDefinitions holds at least one container");
        }
    }

    /** Parses with {@link ArtifactLimits#defaults()}; see {@link #parse(DefinitionsFile, byte[], ArtifactLimits)}. */
    public static ImageDefinitions parse(DefinitionsFile file, byte[] json) throws ArtifactProblem {
        return parse(file, json, ArtifactLimits.defaults());
    }

    /**
     * Parses the raw bytes of a definitions file.
     *
     * @param file   the file's name and format, used to read it and to name it in messages
     * @param json   the file's bytes
     * @param limits size and nesting limits ({@link ArtifactLimits#maxDefinitionsBytes()}, {@link ArtifactLimits#maxJsonDepth()})
     * @return the containers it deploys
     * @throws ArtifactProblem of kind DEFINITIONS_TOO_LARGE, NOT_UTF8, INVALID_JSON, JSON_TOO_DEEP,
     *                         WRONG_SCHEMA, NO_CONTAINERS or INVALID_IMAGE_URI
     */
    public static ImageDefinitions parse(DefinitionsFile file, byte[] json, ArtifactLimits limits) throws ArtifactProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(limits, "limits");
        String name = file.fileName();
        if (json.length > limits.maxDefinitionsBytes()) {
            throw new ArtifactProblem(ArtifactProblem.Kind.DEFINITIONS_TOO_LARGE, name + " is " + DisplayText.bytes(json.length)
                    + ", over the " + DisplayText.bytes(limits.maxDefinitionsBytes()) + " limit Tollgate reads");
        }
        String text = decodeUtf8(name, json);
        checkDepth(name, text, limits.maxJsonDepth());
        JsonNode root = readTree(name, text, limits.maxJsonDepth());
        List<ContainerImage> containers = switch (file.format()) {
            case IMAGE_DEFINITIONS -> readImageDefinitions(name, root);
            case IMAGE_DETAIL -> List.of(readImageDetail(name, root));
        };
        return new ImageDefinitions(file, containers);
    }

    /** The image for a named container, if the file lists it. */
    public Optional<ContainerImage> container(String name) {
        return containers.stream().filter(c -> c.containerName().filter(name::equals).isPresent()).findFirst();
    }

    private static String decodeUtf8(String name, byte[] json) throws ArtifactProblem {
        if (startsWith(json, 0xFF, 0xFE) || startsWith(json, 0xFE, 0xFF)) {
            throw new ArtifactProblem(ArtifactProblem.Kind.NOT_UTF8, name
                    + " is UTF-16 text (it starts with a UTF-16 byte order mark); Tollgate reads definitions files only as UTF-8");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(json);
        CharBuffer out = CharBuffer.allocate(json.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new ArtifactProblem(ArtifactProblem.Kind.NOT_UTF8, String.format(Locale.ROOT,
                    "%s is not valid UTF-8: the byte 0x%02X at offset %d does not form a character", name, json[offset] & 0xFF, offset));
        }
        out.flip();
        String text = out.toString();
        // A UTF-8 byte order mark is legal if unusual; it is not content.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    // Counts brackets outside strings in one pass, so depth is reported in our words whatever the parser does.
    private static void checkDepth(String name, String text, int maxDepth) throws ArtifactProblem {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
                if (depth > maxDepth) {
                    throw new ArtifactProblem(ArtifactProblem.Kind.JSON_TOO_DEEP, name + " nests JSON deeper than " + maxDepth
                            + " levels (at character " + (i + 1) + "); a definitions file needs two, so Tollgate does not read it");
                }
            } else if (c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            }
        }
    }

    private static JsonNode readTree(String name, String text, int maxDepth) throws ArtifactProblem {
        if (text.isBlank()) {
            throw new ArtifactProblem(ArtifactProblem.Kind.INVALID_JSON, name + " is empty");
        }
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        ObjectMapper mapper = new ObjectMapper(factory);
        try (JsonParser parser = factory.createParser(text)) {
            JsonNode root = mapper.readTree(parser);
            if (root == null) {
                throw new ArtifactProblem(ArtifactProblem.Kind.INVALID_JSON, name + " is empty");
            }
            if (parser.nextToken() != null) {
                throw new ArtifactProblem(ArtifactProblem.Kind.INVALID_JSON, name + " has more content after its JSON value"
                        + at(parser.currentTokenLocation()) + "; it must hold exactly one JSON value");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw describeParseError(name, e);
        } catch (IOException e) {
            // Reading a String cannot fail with I/O; keep the cause rather than guess.
            throw new ArtifactProblem(ArtifactProblem.Kind.INVALID_JSON, name + " could not be read as JSON", e);
        }
    }

    private static ArtifactProblem describeParseError(String name, JsonProcessingException e) {
        String detail = Objects.requireNonNullElse(e.getOriginalMessage(), "");
        String where = at(e.getLocation());
        if (detail.startsWith("Duplicate field ")) {
            String field = detail.substring("Duplicate field ".length());
            return new ArtifactProblem(ArtifactProblem.Kind.INVALID_JSON, name + " repeats the field " + DisplayText.clean(field, 80)
                    + " in one object" + where + "; ECS could read either value, so Tollgate does not guess", e);
        }
        return new ArtifactProblem(ArtifactProblem.Kind.INVALID_JSON, name + " is not valid JSON" + where + ": "
                + DisplayText.clean(withoutParserInternals(detail), MAX_PARSER_DETAIL_CHARS), e);
    }

    // Jackson appends where a structure started as "(start marker at [Source: ...])"; the position is already in our message.
    private static String withoutParserInternals(String detail) {
        String firstLine = detail.lines().findFirst().orElse("");
        for (String internal : List.of(" (start marker at", "[Source:", " at [Source")) {
            int cut = firstLine.indexOf(internal);
            if (cut >= 0) {
                firstLine = firstLine.substring(0, cut);
            }
        }
        return firstLine.strip();
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static List<ContainerImage> readImageDefinitions(String name, JsonNode root) throws ArtifactProblem {
        if (!root.isArray()) {
            throw schema(name + " must be a JSON array of {\"name\", \"imageUri\"} objects, but it holds " + describe(root));
        }
        if (root.isEmpty()) {
            throw new ArtifactProblem(ArtifactProblem.Kind.NO_CONTAINERS, name + " lists no containers, so this release would deploy nothing");
        }
        List<ContainerImage> containers = new ArrayList<>(root.size());
        Map<String, Integer> firstEntryByName = new HashMap<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode entry = root.get(i);
            String where = "Entry " + (i + 1) + " in " + name;
            if (!entry.isObject()) {
                throw schema(where + " must be an object with \"name\" and \"imageUri\", but it is " + describe(entry));
            }
            String containerName = requiredString(entry, "name", where);
            if (!ECS_CONTAINER_NAME.matcher(containerName).matches()) {
                throw schema(where + " names its container " + quote(containerName)
                        + ", which is not a valid ECS container name (up to 255 letters, digits, '-' and '_')");
            }
            Integer earlier = firstEntryByName.putIfAbsent(containerName, i + 1);
            if (earlier != null) {
                throw schema(name + " lists container " + quote(containerName) + " twice (entries " + earlier + " and " + (i + 1)
                        + "); ECS would deploy only one of them");
            }
            String uri = requiredString(entry, "imageUri", where);
            containers.add(new ContainerImage(Optional.of(containerName), parseUri(uri,
                    "Container " + quote(containerName) + " in " + name + " has an imageUri that is not a valid image reference: "), uri));
        }
        return containers;
    }

    private static ContainerImage readImageDetail(String name, JsonNode root) throws ArtifactProblem {
        if (!root.isObject()) {
            throw schema(name + " must be a JSON object with an \"ImageURI\" field, but it holds " + describe(root));
        }
        String uri = requiredString(root, "ImageURI", name);
        return new ContainerImage(Optional.empty(), parseUri(uri, name + " has an ImageURI that is not a valid image reference: "), uri);
    }

    private static String requiredString(JsonNode object, String field, String where) throws ArtifactProblem {
        JsonNode value = object.get(field);
        if (value == null) {
            throw schema(where + " has no \"" + field + "\" field" + caseHint(object, field));
        }
        if (!value.isTextual()) {
            throw schema(where + " has a \"" + field + "\" that is " + describe(value) + ", not a string");
        }
        if (value.textValue().isEmpty()) {
            throw schema(where + " has an empty \"" + field + "\"");
        }
        return value.textValue();
    }

    // Field names are case-sensitive; a near miss ("ImageUri") is the likeliest cause of a missing field.
    private static String caseHint(JsonNode object, String field) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(field)) {
                return " (it has " + quote(candidate) + "; field names are case-sensitive)";
            }
        }
        return "";
    }

    private static ImageRef parseUri(String uri, String context) throws ArtifactProblem {
        try {
            return ImageRef.parse(uri);
        } catch (ImageRefException e) {
            throw new ArtifactProblem(ArtifactProblem.Kind.INVALID_IMAGE_URI, context + e.getMessage(), e);
        }
    }

    private static ArtifactProblem schema(String message) {
        return new ArtifactProblem(ArtifactProblem.Kind.WRONG_SCHEMA, message);
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT) + " value";
        };
    }

    private static boolean startsWith(byte[] bytes, int first, int second) {
        return bytes.length >= 2 && (bytes[0] & 0xFF) == first && (bytes[1] & 0xFF) == second;
    }
}
