package org.opensrc.cli.odm;

import io.grpc.StatusRuntimeException;

import org.opensrc.cli.command.Flags;
import org.opensrc.libsrc.Messages;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.DefinitionReply;
import org.opensrc.proto.v1.NotifyDef;
import org.opensrc.proto.v1.Outcome;
import org.opensrc.proto.v1.SubserverChange;
import org.opensrc.proto.v1.SubserverDef;
import org.opensrc.proto.v1.SubsystemChange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code odmchange -o ObjectClass [-q criteria] [InputFile]}: sets the descriptors of the file's stanzas of that class
 * in every matching object, through srcmstr (as chssys and chserver do; a notify method is removed and added again).
 * Stanzas of other classes are skipped; the file is checked whole before anything changes.
 */
public final class Odmchange extends OdmCommand {

    String className;

    String criteria;

    List<String> files = new ArrayList<>();

    @Override
    protected void declare(Flags flags) {
        flags.text("-o", v -> className = v);
        flags.text("-q", v -> criteria = v);
        flags.operands(files::add);
    }

    @Override
    protected String usage() {
        return OdmMessages.ODMCHANGE_USAGE;
    }

    @Override
    protected void validate() {
        if (className == null || files.size() > 1) {
            throw new UsageException(null);
        }
        if (className.isEmpty()) {
            throw new UsageException("odmchange: no object class name specified");
        }
    }

    @Override
    protected int execute(SrcClient client) {
        var objectClass = ObjectClass.named(className);
        if (objectClass.isEmpty()) {
            err().println("odmchange: error opening class '" + ObjectClass.baseName(className) + "'");
            return refuse(ObjectClass.notSupported(className));
        }
        StanzaInput input;
        if (files.isEmpty()) {
            try {
                input = StanzaInput.standardInput(System.in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            var file = StanzaInput.file(files.getFirst());
            if (file.isEmpty()) {
                // AIX's text, quote and all
                return refuse("odmchange: file '" + files.getFirst() + " not accessible or does not exist");
            }
            input = file.get();
        }
        Criteria selection;
        try {
            selection = Criteria.parse(criteria, objectClass.get());
        } catch (CriteriaException e) {
            err().println("odmchange: retrieval error caused by criteria: " + criteria);
            return refuse("odmchange: " + e.getMessage());
        }
        List<Map<String, String>> changes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try {
            for (Stanza stanza : StanzaReader.read(input.text())) {
                if (ObjectClass.named(stanza.className()).equals(objectClass)) {
                    var values = StanzaValues.of(stanza, objectClass.get());
                    if (objectClass.get() == ObjectClass.SRC_SUBSYS) {
                        SrcObjects.subsystemValues(values, warnings); // refuses bad signals before any change
                    }
                    changes.add(values);
                }
            }
        } catch (StanzaException e) {
            return refuse(OdmMessages.odmchange(e));
        }
        warnings.forEach(err()::println);
        err().flush();
        for (Map<String, String> values : changes) {
            for (OdmObject object : selection.select(SrcClasses.list(client, objectClass.get()))) {
                Outcome outcome = change(client, object, values).getOutcome();
                if (!Messages.isSuccess(outcome.getCode())) {
                    return print(List.of(outcome));
                }
                if (!outcome.getText().isEmpty()) {
                    err().println(outcome.getText());
                    err().flush();
                }
            }
        }
        return 0;
    }

    private static DefinitionReply change(SrcClient client, OdmObject object, Map<String, String> values) {
        var definitions = client.definitions();
        return switch (object.objectClass()) {
            case SRC_SUBSYS ->
                    definitions.changeSubsystem(
                            SubsystemChange.newBuilder()
                                    .setSubsysname(object.key())
                                    .setValues(SrcObjects.subsystemValues(values, new ArrayList<>()))
                                    .addAllFields(values.keySet())
                                    .build());
            case SRC_SUBSVR ->
                    definitions.changeSubserver(
                            SubserverChange.newBuilder()
                                    .setSubType(object.key())
                                    .setValues(SrcObjects.subserver(values, SubserverDef.newBuilder()))
                                    .addAllFields(values.keySet())
                                    .build());
            case SRC_NOTIFY -> {
                NotifyDef old =
                        NotifyDef.newBuilder()
                                .setNotifyname(object.value("notifyname"))
                                .setNotifymethod(object.value("notifymethod"))
                                .build();
                NotifyDef changed = SrcObjects.notify(values, old.toBuilder());
                definitions.removeNotify(
                        org.opensrc.proto.v1.NameRequest.newBuilder().setName(old.getNotifyname()).build());
                try {
                    yield definitions.addNotify(changed);
                } catch (StatusRuntimeException e) {
                    definitions.addNotify(old); // put the method back as it was
                    throw e;
                }
            }
        };
    }

    private int refuse(String message) {
        err().println(message);
        err().flush();
        return 1;
    }
}
