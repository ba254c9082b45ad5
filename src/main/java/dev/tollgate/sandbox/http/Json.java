package dev.tollgate.sandbox.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/** The JSON setup the AWS JSON 1.1 protocol needs: timestamps as epoch seconds, absent members left out. */
public final class Json {

    private Json() {
    }

    public static ObjectMapper mapper() {
        SimpleModule awsTime = new SimpleModule("aws-epoch-seconds");
        awsTime.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeNumber(epochSeconds(value));
            }
        });
        return new ObjectMapper()
                .registerModule(awsTime)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Epoch seconds with millisecond fraction, e.g. 1717322400.123, written without exponent. */
    public static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }
}
