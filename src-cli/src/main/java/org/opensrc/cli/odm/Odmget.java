package org.opensrc.cli.odm;

import org.opensrc.cli.command.Flags;
import org.opensrc.libsrc.client.SrcClient;

import java.util.ArrayList;
import java.util.List;

/** {@code odmget [-q criteria] ObjectClass ...}: the matching objects of the SRC classes in odmadd stanza format. */
public final class Odmget extends OdmCommand {

    String criteria;

    List<String> classes = new ArrayList<>();

    @Override
    protected void declare(Flags flags) {
        flags.text("-q", v -> criteria = v);
        flags.operands(classes::add);
    }

    @Override
    protected String usage() {
        return OdmMessages.ODMGET_USAGE;
    }

    @Override
    protected void validate() {
        if (classes.isEmpty()) {
            throw new UsageException(null);
        }
    }

    @Override
    protected int execute(SrcClient client) {
        for (String name : classes) {
            var objectClass = ObjectClass.named(name);
            if (objectClass.isEmpty()) {
                out().flush();
                err().println("odmget:  Cannot open class " + ObjectClass.baseName(name));
                err().println(ObjectClass.notSupported(name));
                err().flush();
                return 1;
            }
            Criteria selection;
            try {
                selection = Criteria.parse(criteria, objectClass.get());
            } catch (CriteriaException e) {
                out().flush();
                err().println(
                                "odmget: Could not retrieve object for "
                                        + objectClass.get().odmName()
                                        + ", odm errno "
                                        + CriteriaException.ODMI_BAD_CRIT);
                err().println("odmget: " + e.getMessage());
                err().flush();
                return 1;
            }
            for (OdmObject object : selection.select(SrcClasses.list(client, objectClass.get()))) {
                out().print(StanzaWriter.write(object));
            }
        }
        out().flush();
        return 0;
    }
}
