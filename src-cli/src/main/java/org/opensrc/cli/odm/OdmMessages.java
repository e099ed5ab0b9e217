package org.opensrc.cli.odm;

/**
 * The texts of AIX's odmget, odmadd, odmdelete and odmchange (the default texts of the 4.1 sources; {@code 0518-307} as
 * AIX prints the count of odmdelete). Pure.
 */
public final class OdmMessages {

    private OdmMessages() {}

    public static final String ODMGET_USAGE = "usage: odmget [-q criteria] classname [classname . . . ]";
    public static final String ODMDELETE_USAGE = "usage: odmdelete -o object_class [-q criteria]";
    public static final String ODMCHANGE_USAGE = "usage: odmchange -o classname [-q criteria] [filename]";
    public static final String ODMADD_USAGE =
            String.join(
                    "\n",
                    "usage: odmadd [stanza file]",
                    "\tAdds objects to an object class.",
                    "",
                    "\tThe <stanza file> should be in the form:",
                    "",
                    "\t\t<class name 1>:",
                    "\t\t\t<descriptor name A> = <descriptor value>",
                    "\t\t\t<descriptor name B> = <descriptor value>",
                    "\t\t<class name 2>:",
                    "\t\t\t<descriptor name C> = <descriptor value>",
                    "\t\t\t<descriptor name D> = <descriptor value>",
                    "",
                    "\t\t . . .");

    public static String deleted(int count) {
        return "0518-307 odmdelete: " + count + " objects deleted.";
    }

    /** odmadd's words for a stanza problem in {@code file}. */
    public static String odmadd(StanzaException e, ObjectClass objectClass, String file) {
        int line = e.line();
        return switch (e.problem()) {
            case NO_CLASS_NAME -> "odmadd:  Cannot find class name in stanza, stanza line: " + line + "  " + file;
            case NO_DESCRIPTOR_NAME -> "odmadd:  Could not find descriptor name, stanza line: " + line + "  " + file;
            case INVALID_DESCRIPTOR ->
                    "odmadd:  Invalid descriptor: " + e.descriptor() + "  stanza line:  " + line + "  " + file;
            case INVALID_VALUE -> "odmadd:  Invalid value, stanza line:  " + line + "  " + file;
            case INVALID_NUMBER ->
                    "odmadd:  Invalid "
                            + (isShort(objectClass, e.descriptor()) ? "short" : "long")
                            + " value, stanza line:  "
                            + line
                            + "  "
                            + file;
            case INVALID_STANZA -> "odmadd:  Invalid stanza, stanza line:  " + line + "  " + file;
        };
    }

    public static String odmaddClass(String className, int line, String file) {
        return "odmadd:  Cannot open class:  " + className + ", stanza line: " + line + "  " + file;
    }

    /** odmchange's words for a stanza problem. */
    public static String odmchange(StanzaException e) {
        int line = e.line();
        return switch (e.problem()) {
            case NO_CLASS_NAME -> "odmchange: cannot find class name in stanza, stanza line: " + line;
            case NO_DESCRIPTOR_NAME -> "odmchange: could not find descriptor name, stanza line: " + line;
            case INVALID_DESCRIPTOR -> "odmchange: invalid descriptor: " + e.descriptor() + "  stanza line: " + line;
            case INVALID_VALUE -> "Invalid value, stanza line: " + line;
            case INVALID_NUMBER -> "odmchange: invalid numeric value, stanza line: " + line;
            case INVALID_STANZA -> "odmchange: invalid stanza, stanza line: " + line;
        };
    }

    private static boolean isShort(ObjectClass objectClass, String descriptor) {
        return objectClass != null
                && objectClass.descriptor(descriptor).map(d -> d.kind() == Descriptor.Kind.SHORT).orElse(false);
    }
}
