package org.opensrc.cli.odm;

import org.opensrc.cli.command.Flags;
import org.opensrc.libsrc.Messages;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.DefinitionReply;
import org.opensrc.proto.v1.NotifyDef;
import org.opensrc.proto.v1.SubserverDef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code odmadd [InputFile ...]}: adds the objects of stanza files (standard input without a file) to the SRC classes
 * through srcmstr, as mkssys, mkserver and mknotify do. Every file is read and checked first: a bad stanza changes
 * nothing.
 */
public final class Odmadd extends OdmCommand {

    List<String> files = new ArrayList<>();

    @Override
    protected void declare(Flags flags) {
        flags.operands(files::add);
    }

    @Override
    protected String usage() {
        return OdmMessages.ODMADD_USAGE;
    }

    @Override
    protected int execute(SrcClient client) {
        List<StanzaInput> inputs = new ArrayList<>();
        if (files.isEmpty()) {
            try {
                inputs.add(StanzaInput.standardInput(System.in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String name : files) {
            var input = StanzaInput.odmaddFile(name);
            if (input.isEmpty()) {
                err().println("odmadd:  Cannot open file:  " + (name.endsWith(".add") ? name : name + ".add"));
                printUsage(null);
                return 1;
            }
            inputs.add(input.get());
        }
        List<String> warnings = new ArrayList<>();
        List<Function<SrcClient, DefinitionReply>> additions = new ArrayList<>();
        for (StanzaInput input : inputs) {
            if (!prepare(input, warnings, additions)) {
                return 1;
            }
        }
        warnings.forEach(err()::println);
        err().flush();
        for (var addition : additions) {
            var outcome = addition.apply(client).getOutcome();
            if (!Messages.isSuccess(outcome.getCode())) {
                return print(List.of(outcome));
            }
            if (!outcome.getText().isEmpty()) {
                err().println(outcome.getText());
                err().flush();
            }
        }
        return 0;
    }

    /** Reads and checks {@code input}, adding one call per object; false (message printed) on a bad stanza. */
    private boolean prepare(
            StanzaInput input, List<String> warnings, List<Function<SrcClient, DefinitionReply>> additions) {
        List<Stanza> stanzas;
        try {
            stanzas = StanzaReader.read(input.text());
        } catch (StanzaException e) {
            return refuse(OdmMessages.odmadd(e, null, input.name()));
        }
        for (Stanza stanza : stanzas) {
            var objectClass = ObjectClass.named(stanza.className());
            if (objectClass.isEmpty()) {
                err().println(OdmMessages.odmaddClass(stanza.className(), stanza.line(), input.name()));
                return refuse(ObjectClass.notSupported(stanza.className()));
            }
            try {
                var values = StanzaValues.of(stanza, objectClass.get());
                additions.add(
                        switch (objectClass.get()) {
                            case SRC_SUBSYS -> {
                                var def = SrcObjects.subsystem(values, warnings);
                                yield c -> c.definitions().addSubsystem(def);
                            }
                            case SRC_SUBSVR -> {
                                var def = SrcObjects.subserver(values, SubserverDef.newBuilder());
                                yield c -> c.definitions().addSubserver(def);
                            }
                            case SRC_NOTIFY -> {
                                var def = SrcObjects.notify(values, NotifyDef.newBuilder());
                                yield c -> c.definitions().addNotify(def);
                            }
                        });
            } catch (StanzaException e) {
                return refuse(OdmMessages.odmadd(e, objectClass.get(), input.name()));
            } catch (Refusal e) {
                err().println(e.getMessage());
                return refuse("odmadd:  Invalid value, stanza line:  " + stanza.line() + "  " + input.name());
            }
        }
        return true;
    }

    private boolean refuse(String message) {
        err().println(message);
        err().flush();
        return false;
    }
}
