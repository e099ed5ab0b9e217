package org.opensrc.libsrc.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnaryCallTest {

    @Test
    void theTimeoutHeaderKeepsAtMostEightDigitsInTheFinestUnitThatFits() {
        assertEquals("999n", UnaryCall.grpcTimeout(999));
        assertEquals("99999999n", UnaryCall.grpcTimeout(99_999_999));
        assertEquals("100000u", UnaryCall.grpcTimeout(100_000_000));
        assertEquals("65000000u", UnaryCall.grpcTimeout(65_000_000_000L));
        assertEquals("650000m", UnaryCall.grpcTimeout(650_000_000_000L));
        assertEquals("100000S", UnaryCall.grpcTimeout(100_000_000_000_000L));
    }

    @Test
    void theStatusMessageIsPercentDecodedUtf8() {
        assertEquals("plain text", UnaryCall.percentDecoded("plain text"));
        assertEquals("0513-085 déjà\n", UnaryCall.percentDecoded("0513-085 d%C3%A9j%C3%A0%0A"));
        assertEquals("100% sure", UnaryCall.percentDecoded("100% sure"));
        assertEquals("50%", UnaryCall.percentDecoded("50%"));
    }
}
