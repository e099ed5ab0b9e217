package org.opensrc.cli.command;

import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The flags and operands of one command, declared through picocli's programmatic API (no annotations read at run time,
 * so nothing is generated while the command starts). A command declares each flag with what to do with its value; after
 * a successful parse, {@link #apply(ParseResult)} hands every flag given on the command line to its consumer.
 */
public final class Flags {

    private final CommandSpec spec;
    private final List<Binding> bindings = new ArrayList<>();

    Flags(CommandSpec spec) {
        this.spec = spec;
    }

    /** A flag without a value ({@code -a}): {@code given} runs when it is on the command line. */
    public void flag(String name, Runnable given) {
        bind(OptionSpec.builder(name).arity("0").type(boolean.class).build(), value -> given.run());
    }

    /** A flag with a text value ({@code -s name}); given twice, it is a usage error. */
    public void text(String name, Consumer<String> value) {
        bind(OptionSpec.builder(name).arity("1").type(String.class).build(), v -> value.accept((String) v));
    }

    /** A flag with a decimal {@code int} value ({@code -p 1234}); anything else is a usage error. */
    public void number(String name, Consumer<Integer> value) {
        bind(OptionSpec.builder(name).arity("1").type(Integer.class).build(), v -> value.accept((Integer) v));
    }

    /** A flag with a decimal {@code long} value. */
    public void longNumber(String name, Consumer<Long> value) {
        bind(OptionSpec.builder(name).arity("1").type(Long.class).build(), v -> value.accept((Long) v));
    }

    /** A flag with a file name value ({@code -C /etc/inetd.conf}). */
    public void path(String name, Consumer<Path> value) {
        bind(OptionSpec.builder(name).arity("1").type(Path.class).build(), v -> value.accept((Path) v));
    }

    /** A flag that may be given several times ({@code -s a -s b}): each value, in order. */
    public void texts(String name, Consumer<String> each) {
        bind(
                OptionSpec.builder(name).arity("1").type(List.class).auxiliaryTypes(String.class).build(),
                values -> listOf(values).forEach(each));
    }

    /** A flag whose number may be left out ({@code --wait} or {@code --wait=30}): {@code fallback} then. */
    public void optionalNumber(String name, String fallback, Consumer<Integer> value) {
        bind(
                OptionSpec.builder(name).arity("0..1").fallbackValue(fallback).type(Integer.class).build(),
                v -> value.accept((Integer) v));
    }

    /** The operands, each in order. */
    public void operands(Consumer<String> each) {
        bind(
                PositionalParamSpec.builder().index("0..*").type(List.class).auxiliaryTypes(String.class).build(),
                values -> listOf(values).forEach(each));
    }

    /**
     * Every word from the first operand on, as an operand, dashes and all, as AIX's getopt takes them: in {@code
     * chsubserver … -g /usr/sbin/ftpd ftpd -l} the {@code -l} is ftpd's.
     */
    public void restOfLine(Consumer<String> each) {
        spec.addPositional(
                PositionalParamSpec.builder()
                        .index("0..*")
                        .type(List.class)
                        .auxiliaryTypes(String.class)
                        .parameterConsumer(
                                (args, argSpec, commandSpec) -> {
                                    while (!args.isEmpty()) {
                                        each.accept(args.pop());
                                    }
                                })
                        .build());
    }

    private void bind(ArgSpec arg, Consumer<Object> value) {
        if (arg instanceof OptionSpec option) {
            spec.addOption(option);
        } else {
            spec.addPositional((PositionalParamSpec) arg);
        }
        bindings.add(new Binding(arg, value));
    }

    /** Hands each flag and operand the command line gave to its consumer, in the order they were declared. */
    public void apply(ParseResult parsed) {
        for (Binding binding : bindings) {
            if (binding.arg() instanceof OptionSpec option
                    ? parsed.hasMatchedOption(option)
                    : parsed.hasMatchedPositional((PositionalParamSpec) binding.arg())) {
                binding.value().accept(binding.arg().getValue());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> listOf(Object values) {
        return values == null ? List.of() : (List<String>) values;
    }

    private record Binding(ArgSpec arg, Consumer<Object> value) {}
}
