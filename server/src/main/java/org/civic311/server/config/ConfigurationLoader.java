package org.civic311.server.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads and validates a YAML configuration file. A fault stops the start with a message naming
 * the file, the line and key, and what is wrong; nothing is silently replaced by a default.
 */
public final class ConfigurationLoader {
  /** The demo configuration bundled in the jar, used when no file is given. */
  public static final String DEMO_RESOURCE = "/demo/demo.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private ConfigurationLoader() {}

  /** Loads and validates a configuration file. */
  public static Configuration load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigurationException(file + ": cannot be read: " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /** Loads the bundled demo configuration. */
  public static Configuration demo() {
    try (InputStream in = ConfigurationLoader.class.getResourceAsStream(DEMO_RESOURCE)) {
      if (in == null) {
        throw new ConfigurationException("the demo configuration " + DEMO_RESOURCE + " is missing from the jar");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "demo.yaml (bundled)");
    } catch (IOException e) {
      throw new ConfigurationException("the demo configuration cannot be read", e);
    }
  }

  /** Parses and validates configuration text; {@code source} names it in messages. */
  public static Configuration parse(String text, String source) {
    Configuration config;
    try {
      config = YAML.readValue(text, Configuration.class);
    } catch (UnrecognizedPropertyException e) {
      String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
          .map(Object::toString).sorted().collect(Collectors.joining(", "));
      throw new ConfigurationException(where(source, text, e) + "unknown key '" + e.getPropertyName()
          + "'" + (known.isEmpty() ? "" : " (known keys: " + known + ")"), e);
    } catch (JsonMappingException e) {
      throw new ConfigurationException(where(source, text, e) + e.getOriginalMessage().split("\n")[0], e);
    } catch (JsonProcessingException e) {
      throw new ConfigurationException(where(source, text, e) + "is not valid YAML: "
          + e.getOriginalMessage().split("\n")[0], e);
    }
    if (config == null) {
      throw new ConfigurationException(source + ": is empty");
    }
    return checked(config, source, YamlLines.of(text));
  }

  /**
   * Validates a configuration built in code (tests, tools), as a file would be.
   *
   * @throws ConfigurationException naming every fault
   */
  public static Configuration validate(Configuration config, String source) {
    return checked(config, source, YamlLines.of(""));
  }

  private static Configuration checked(Configuration config, String source, YamlLines lines) {
    List<ConfigurationValidator.Problem> problems = ConfigurationValidator.validate(config);
    if (!problems.isEmpty()) {
      String message = problems.stream()
          .map(p -> {
            int line = lines.lineOf(p.pointer());
            return source + (line > 0 ? ": line " + line : "") + " (" + YamlLines.dotted(p.pointer()) + "): "
                + p.message();
          })
          .collect(Collectors.joining("\n"));
      throw new ConfigurationException(message);
    }
    return config;
  }

  private static String where(String source, String text, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    int line = at == null ? 0 : at.getLineNr();
    String path = "";
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      StringBuilder pointer = new StringBuilder();
      for (JsonMappingException.Reference r : m.getPath()) {
        pointer.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
      }
      // Records are built after their whole mapping is read, so the parser's own location is
      // the end of the mapping; the key's line is the one people need.
      int keyLine = YamlLines.of(text).lineOf(pointer.toString());
      line = keyLine > 0 ? keyLine : line;
      path = " (" + YamlLines.dotted(pointer.toString()) + ")";
    }
    return source + (line > 0 ? ": line " + line : "") + path + ": ";
  }

}
