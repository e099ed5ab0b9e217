package org.opensrc.cli.definitions;

import org.opensrc.cli.command.SrcCommand;

/**
 * A command that edits or reads the definitions. As on AIX, where these commands work on the ODM and only tell a
 * running srcmstr, it works while srcmstr is down: the request then runs in the command itself, on the registry files.
 */
public abstract class DefinitionCommand extends SrcCommand {

    @Override
    protected final boolean worksWithoutSrcmstr() {
        return true;
    }
}
