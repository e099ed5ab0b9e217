package org.opensrc.cli;

/** Prints the home of the Java runtime running it: {@code opensrc-aot-train} records the one the commands run on. */
public final class JavaHome {

    private JavaHome() {}

    public static void main(String[] args) {
        System.out.println(System.getProperty("java.home"));
    }
}
