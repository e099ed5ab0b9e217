package org.opensrc.cli.tcpip;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.Stack;

/**
 * Takes every word from the first operand on as an operand, dashes and all, as AIX's getopt does: in {@code chsubserver
 * … -g /usr/sbin/ftpd ftpd -l} the {@code -l} is ftpd's.
 */
final class RestOfLine implements CommandLine.IParameterConsumer {

    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
        List<String> values = argSpec.getValue();
        while (!args.isEmpty()) {
            values.add(args.pop());
        }
    }
}
