package org.opensrc.cli.odm;

import org.opensrc.cli.command.Flags;
import org.opensrc.libsrc.Messages;
import org.opensrc.libsrc.client.SrcClient;

import java.util.List;

/**
 * {@code odmdelete -o ObjectClass [-q criteria]}: removes the matching objects through srcmstr (as rmssys, rmserver and
 * rmnotify do) and prints how many.
 */
public final class Odmdelete extends OdmCommand {

    String className;

    String criteria;

    @Override
    protected void declare(Flags flags) {
        flags.text("-o", v -> className = v);
        flags.text("-q", v -> criteria = v);
    }

    @Override
    protected String usage() {
        return OdmMessages.ODMDELETE_USAGE;
    }

    @Override
    protected void validate() {
        if (className == null || className.isEmpty()) {
            throw new UsageException(className == null ? null : "odmdelete: no object class name specified");
        }
    }

    @Override
    protected int execute(SrcClient client) {
        var objectClass = ObjectClass.named(className);
        if (objectClass.isEmpty()) {
            err().println("odmdelete: error opening class '" + ObjectClass.baseName(className) + "'");
            err().println(ObjectClass.notSupported(className));
            err().flush();
            return 1;
        }
        Criteria selection;
        try {
            selection = Criteria.parse(criteria, objectClass.get());
        } catch (CriteriaException e) {
            err().println("odmdelete: delete failed");
            err().println("odmdelete: " + e.getMessage());
            err().flush();
            return 1;
        }
        List<OdmObject> chosen = selection.select(SrcClasses.list(client, objectClass.get()));
        int deleted = 0;
        for (OdmObject object : chosen) {
            var outcome = SrcClasses.remove(client, object).getOutcome();
            if (!Messages.isSuccess(outcome.getCode())) {
                return print(List.of(outcome));
            }
            deleted++;
        }
        out().println(OdmMessages.deleted(deleted));
        out().flush();
        return 0;
    }
}
