package org.opensrc.cli.odm;

import org.opensrc.cli.definitions.DefinitionCommand;

/**
 * An ODM command on the SRC classes: it works without srcmstr, as every definition command, and prints its messages and
 * usage on standard error, as AIX's libodm commands do (the SRC commands print theirs on standard output).
 */
abstract class OdmCommand extends DefinitionCommand {

    @Override
    protected final boolean failuresOnStandardOutput() {
        return false;
    }
}
