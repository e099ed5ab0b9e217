package org.opensrc.cli.odm;

import java.util.List;
import java.util.Optional;

/**
 * The three ODM object classes of SRC, with their descriptors in {@code srcobj.h} order (the order {@code odmget}
 * prints). No other class is kept by OpenSRC.
 */
public enum ObjectClass {
    SRC_SUBSYS(
            "SRCsubsys",
            string("subsysname"),
            string("synonym"),
            string("cmdargs"),
            string("path"),
            number("uid"),
            number("auditid"),
            string("standin"),
            string("standout"),
            string("standerr"),
            small("action"),
            small("multi"),
            small("contact"),
            number("svrkey"),
            number("svrmtype"),
            small("priority"),
            small("signorm"),
            small("sigforce"),
            small("display"),
            small("waittime"),
            string("grpname")),
    SRC_SUBSVR("SRCsubsvr", string("sub_type"), string("subsysname"), small("sub_code")),
    SRC_NOTIFY("SRCnotify", string("notifyname"), string("notifymethod"));

    /** The names, for messages. */
    public static final String NAMES = "SRCsubsys, SRCsubsvr and SRCnotify";

    private final String odmName;
    private final List<Descriptor> descriptors;

    ObjectClass(String odmName, Descriptor... descriptors) {
        this.odmName = odmName;
        this.descriptors = List.of(descriptors);
    }

    /** The class's ODM name, e.g. {@code SRCsubsys}. */
    public String odmName() {
        return odmName;
    }

    public List<Descriptor> descriptors() {
        return descriptors;
    }

    /** The descriptor called {@code name} (case matters, as in ODM). */
    public Optional<Descriptor> descriptor(String name) {
        return descriptors.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /**
     * Whether a number descriptor may also hold a word: a stop signal of {@code SRCsubsys} may be a signal name, as
     * {@code odmget} prints the Linux signals AIX has no number for.
     */
    public boolean allowsWord(Descriptor descriptor) {
        return this == SRC_SUBSYS && (descriptor.name().equals("signorm") || descriptor.name().equals("sigforce"));
    }

    /** The descriptor that names an object of this class (its key). */
    public Descriptor key() {
        return descriptors.getFirst();
    }

    /**
     * The class called {@code name}; as {@code odmdelete} and {@code odmchange} do, a path before the name ({@code
     * /etc/objrepos/SRCsubsys}) is allowed.
     */
    public static Optional<ObjectClass> named(String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        for (ObjectClass c : values()) {
            if (c.odmName.equals(last)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The class part of {@code name} (after the last {@code /}), for messages. */
    public static String baseName(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** The second line of every "cannot open class" message. */
    public static String notSupported(String name) {
        return "OpenSRC keeps only the SRC object classes " + NAMES + "; " + baseName(name) + " is not supported.";
    }

    private static Descriptor string(String name) {
        return new Descriptor(name, Descriptor.Kind.STRING);
    }

    private static Descriptor small(String name) {
        return new Descriptor(name, Descriptor.Kind.SHORT);
    }

    private static Descriptor number(String name) {
        return new Descriptor(name, Descriptor.Kind.LONG);
    }
}
