package org.opensrc.srcmstr.durable;

import java.io.IOException;

/**
 * What is wrong in a JSON file srcmstr reads ({@link JsonIn}), and where: {@code field objects[2].action: bad value
 * SOMETIMES (expected one of [RESPAWN, ONCE]) (line 9, column 17)}. The file is named by whoever reads it.
 */
public final class JsonProblem extends IOException {

    public JsonProblem(String detail) {
        super(detail);
    }

    JsonProblem(String detail, Throwable cause) {
        super(detail, cause);
    }
}
