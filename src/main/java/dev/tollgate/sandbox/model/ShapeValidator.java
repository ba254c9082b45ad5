package dev.tollgate.sandbox.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a JSON document against a model shape: types, required members, lengths, ranges, enums and
 * patterns. Wrong JSON types are reported separately because AWS answers those with a
 * SerializationException rather than a ValidationException.
 */
public final class ShapeValidator {

    /** What was wrong with a document: constraint violations and/or type mismatches. */
    public record Result(List<Violation> violations, List<String> typeErrors) {
        public boolean ok() {
            return violations.isEmpty() && typeErrors.isEmpty();
        }

        /** The ValidationException message AWS would send, e.g. "2 validation errors detected: ...". */
        public String validationMessage() {
            StringBuilder sb = new StringBuilder();
            sb.append(violations.size()).append(violations.size() == 1 ? " validation error" : " validation errors")
                    .append(" detected: ");
            for (int i = 0; i < violations.size(); i++) {
                if (i > 0) {
                    sb.append("; ");
                }
                sb.append(violations.get(i).message());
            }
            return sb.toString();
        }
    }

    private final ServiceModel model;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    public ShapeValidator(ServiceModel model) {
        this.model = model;
    }

    public Result validate(String shapeName, JsonNode value) {
        return validate(shapeName, value, false);
    }

    /**
     * Like {@link #validate(String, JsonNode)}, and also reports members the shape does not have. Requests
     * are lenient about those (as AWS is); checks of the sandbox's own answers are strict.
     */
    public Result validateStrict(String shapeName, JsonNode value) {
        return validate(shapeName, value, true);
    }

    private Result validate(String shapeName, JsonNode value, boolean strict) {
        List<Violation> violations = new ArrayList<>();
        List<String> typeErrors = new ArrayList<>();
        new Walk(strict, violations, typeErrors).check(shapeName, value, "");
        return new Result(List.copyOf(violations), List.copyOf(typeErrors));
    }

    /** One validation pass: its settings and what it found. */
    private final class Walk {
        private final boolean strict;
        private final List<Violation> violations;
        private final List<String> typeErrors;

        Walk(boolean strict, List<Violation> violations, List<String> typeErrors) {
            this.strict = strict;
            this.violations = violations;
            this.typeErrors = typeErrors;
        }

        void check(String shapeName, JsonNode value, String path) {
            ShapeValidator.this.check(shapeName, value, path, this);
        }
    }

    private void check(String shapeName, JsonNode value, String path, Walk walk) {
        if (value == null || value.isNull()) {
            return;
        }
        JsonNode shape = model.shape(shapeName);
        String type = shape.path("type").asText();
        switch (type) {
            case "structure" -> checkStructure(shape, value, path, walk);
            case "list" -> checkList(shape, value, path, walk);
            case "map" -> checkMap(shape, value, path, walk);
            case "string" -> checkString(shape, value, path, walk);
            case "integer", "long" -> checkInteger(shape, value, path, walk);
            case "float", "double" -> {
                if (!value.isNumber()) {
                    walk.typeErrors.add("Expected a number at '" + display(path) + "'");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    walk.typeErrors.add("Expected a boolean at '" + display(path) + "'");
                }
            }
            case "timestamp" -> {
                if (!value.isNumber()) {
                    walk.typeErrors.add("Expected epoch seconds at '" + display(path) + "'");
                }
            }
            case "blob" -> {
                if (!value.isTextual()) {
                    walk.typeErrors.add("Expected a base64 string at '" + display(path) + "'");
                }
            }
            default -> {
                // Shapes of kinds the JSON protocol does not use are accepted as they are.
            }
        }
    }

    private void checkStructure(JsonNode shape, JsonNode value, String path, Walk walk) {
        if (!value.isObject()) {
            walk.typeErrors.add("Expected an object at '" + display(path) + "'");
            return;
        }
        JsonNode members = shape.path("members");
        for (JsonNode required : shape.path("required")) {
            String name = required.asText();
            JsonNode member = value.get(name);
            if (member == null || member.isNull()) {
                walk.violations.add(new Violation(join(path, name), "null", "Member must not be null"));
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode member = members.get(field.getKey());
            if (member != null) {
                check(member.path("shape").asText(), field.getValue(), join(path, field.getKey()), walk);
            } else if (walk.strict) {
                walk.violations.add(new Violation(join(path, field.getKey()), render(field.getValue()),
                        "Member is not part of the shape"));
            }
        }
    }

    private void checkList(JsonNode shape, JsonNode value, String path, Walk walk) {
        if (!value.isArray()) {
            walk.typeErrors.add("Expected a list at '" + display(path) + "'");
            return;
        }
        checkLength(shape, value.size(), render(value), path, walk.violations);
        String memberShape = shape.path("member").path("shape").asText();
        for (int i = 0; i < value.size(); i++) {
            String memberPath = path + "." + (i + 1) + ".member";
            if (value.get(i).isNull()) {
                // Lists in these services are dense: a null entry is refused like a missing member.
                walk.violations.add(new Violation(memberPath, "null", "Member must not be null"));
            } else {
                check(memberShape, value.get(i), memberPath, walk);
            }
        }
    }

    private void checkMap(JsonNode shape, JsonNode value, String path, Walk walk) {
        if (!value.isObject()) {
            walk.typeErrors.add("Expected a map at '" + display(path) + "'");
            return;
        }
        checkLength(shape, value.size(), render(value), path, walk.violations);
        String keyShape = shape.path("key").path("shape").asText();
        String valueShape = shape.path("value").path("shape").asText();
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            check(keyShape, com.fasterxml.jackson.databind.node.TextNode.valueOf(field.getKey()), path + ".key", walk);
            if (field.getValue().isNull()) {
                walk.violations.add(new Violation(join(path, field.getKey()), "null", "Member must not be null"));
            } else {
                check(valueShape, field.getValue(), join(path, field.getKey()), walk);
            }
        }
    }

    private void checkString(JsonNode shape, JsonNode value, String path, Walk walk) {
        if (!value.isTextual()) {
            walk.typeErrors.add("Expected a string at '" + display(path) + "'");
            return;
        }
        String text = value.textValue();
        String rendered = "'" + text + "'";
        checkLength(shape, text.codePointCount(0, text.length()), rendered, path, walk.violations);
        JsonNode enumValues = shape.get("enum");
        if (enumValues != null) {
            boolean legal = false;
            List<String> names = new ArrayList<>();
            for (JsonNode e : enumValues) {
                names.add(e.asText());
                legal |= e.asText().equals(text);
            }
            if (!legal) {
                walk.violations.add(new Violation(display(path), rendered, "Member must satisfy enum value set: " + names));
            }
        }
        String regex = shape.path("pattern").textValue();
        if (regex != null) {
            Pattern pattern = compiled(regex);
            if (pattern != null && !pattern.matcher(text).matches()) {
                walk.violations.add(new Violation(display(path), rendered,
                        "Member must satisfy regular expression pattern: " + regex));
            }
        }
    }

    private void checkInteger(JsonNode shape, JsonNode value, String path, Walk walk) {
        if (!value.isIntegralNumber()) {
            walk.typeErrors.add("Expected an integer at '" + display(path) + "'");
            return;
        }
        long number = value.asLong();
        if (shape.has("min") && number < shape.get("min").asLong()) {
            walk.violations.add(new Violation(display(path), "'" + number + "'",
                    "Member must have value greater than or equal to " + shape.get("min").asLong()));
        }
        if (shape.has("max") && number > shape.get("max").asLong()) {
            walk.violations.add(new Violation(display(path), "'" + number + "'",
                    "Member must have value less than or equal to " + shape.get("max").asLong()));
        }
    }

    private static void checkLength(JsonNode shape, int length, String rendered, String path, List<Violation> violations) {
        if (shape.has("min") && length < shape.get("min").asLong()) {
            violations.add(new Violation(display(path), rendered,
                    "Member must have length greater than or equal to " + shape.get("min").asLong()));
        }
        if (shape.has("max") && length > shape.get("max").asLong()) {
            violations.add(new Violation(display(path), rendered,
                    "Member must have length less than or equal to " + shape.get("max").asLong()));
        }
    }

    private Pattern compiled(String regex) {
        Pattern cached = patterns.get(regex);
        if (cached != null) {
            return cached;
        }
        try {
            Pattern pattern = Pattern.compile(regex);
            patterns.put(regex, pattern);
            return pattern;
        } catch (PatternSyntaxException e) {
            // A pattern Java cannot read is skipped rather than failing every request.
            return null;
        }
    }

    private static String render(JsonNode value) {
        String text = value.toString();
        return text.length() > 200 ? "'" + text.substring(0, 200) + "...'" : "'" + text + "'";
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String display(String path) {
        return path.isEmpty() ? "request" : path;
    }
}
