package org.opensrc.cli.control;

import io.grpc.StatusRuntimeException;

import org.opensrc.cli.command.JsonOutput;
import org.opensrc.cli.status.WatchText;
import org.opensrc.libsrc.Messages;
import org.opensrc.libsrc.client.MessageStream;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.libsrc.signal.SignalTrap;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.proto.v1.WatchEvent;

import java.io.PrintWriter;
import java.time.ZoneId;

/**
 * {@code lssrc --watch}: prints the listing, then each change as srcmstr commits it, until Ctrl-C (SIGINT) or SIGTERM
 * (exit 0), the standard output closing (exit 0), or srcmstr going away (0513-001, exit 1).
 */
final class Watch {

    private final PrintWriter out;
    private final PrintWriter failures;
    private final boolean json;
    private volatile boolean asked;

    Watch(PrintWriter out, PrintWriter failures, boolean json) {
        this.out = out;
        this.failures = failures;
        this.json = json;
    }

    /**
     * @throws StatusRuntimeException when srcmstr cannot be reached or the listing does not come in time (the command
     *     prints the AIX message for it)
     */
    int run(SrcClient client) {
        MessageStream<WatchEvent> stream = client.watch();
        Runnable end =
                () -> {
                    asked = true;
                    stream.close();
                };
        SignalTrap.on("INT", end);
        SignalTrap.on("TERM", end);
        WatchText text = new WatchText(ZoneId.systemDefault());
        boolean listed = false;
        try {
            WatchEvent event;
            while ((event = stream.next()) != null) {
                listed = true;
                if (json) {
                    JsonOutput.printLine(out, event);
                } else {
                    text.lines(event).forEach(out::println);
                    out.flush();
                }
                // the writer wraps System.out through an OutputStreamWriter, so a broken pipe is seen by System.out
                if (out.checkError() || System.out.checkError()) {
                    stream.close(); // nobody reads any more (lssrc --watch | head): ends at the next change
                    return 0;
                }
            }
        } catch (StatusRuntimeException e) {
            if (asked) {
                return 0;
            }
            if (!listed) {
                throw e;
            }
        }
        // the stream ended: srcmstr stopped or went away
        failures.println(Messages.render(SrcCode.SRC_CODE_DMNA));
        failures.flush();
        return 1;
    }
}
