package org.opensrc.cli.command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One request sent to several hosts ({@code -h "hostA hostB"}): every host is asked at once, each on its own virtual
 * thread with its own buffered writers; then the answers are printed in the order the hosts were given, every line
 * prefixed with {@code host: }. The exit status is 0 only when every host's is 0.
 */
final class HostFanOut {

    /** The writers one host's run prints to. */
    record Output(PrintWriter out, PrintWriter err) {}

    /** Runs the request on one host, printing to the given writers; returns its exit status. */
    @FunctionalInterface
    interface HostRun {
        int run(String host, Output output) throws Exception;
    }

    private HostFanOut() {}

    static int run(List<String> hosts, HostRun request, PrintWriter out, PrintWriter err) {
        List<StringWriter[]> buffers = new ArrayList<>();
        List<Future<Integer>> results = new ArrayList<>();
        try (var executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("host-", 0).factory())) {
            for (String host : hosts) {
                StringWriter hostOut = new StringWriter();
                StringWriter hostErr = new StringWriter();
                buffers.add(new StringWriter[] {hostOut, hostErr});
                var output = new Output(new PrintWriter(hostOut), new PrintWriter(hostErr));
                results.add(
                        executor.submit(
                                () -> {
                                    try {
                                        return request.run(host, output);
                                    } finally {
                                        output.out().flush();
                                        output.err().flush();
                                    }
                                }));
            }
        }
        int status = 0;
        for (int i = 0; i < hosts.size(); i++) {
            status = Math.max(status, exitStatus(results.get(i)));
            prefixed(hosts.get(i), buffers.get(i)[0].toString(), out);
            prefixed(hosts.get(i), buffers.get(i)[1].toString(), err);
        }
        out.flush();
        err.flush();
        return status;
    }

    private static int exitStatus(Future<Integer> result) {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static void prefixed(String host, String text, PrintWriter to) {
        if (text.isEmpty()) {
            return;
        }
        for (String line : text.split("\\R", -1)) {
            if (!line.isEmpty()) {
                to.println(host + ": " + line);
            }
        }
    }
}
