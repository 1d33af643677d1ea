package dev.berth.load;

/** RFC 6901 JSON pointers, the one way every stage names a place in the config. */
public final class JsonPointer {
    private JsonPointer() {
    }

    public static String child(String parent, String key) {
        return parent + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String parent, int index) {
        return parent + "/" + index;
    }

    /** The pointer one level up; "" for the root. */
    public static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }
}
