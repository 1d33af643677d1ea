package dev.berth.tree;

/** A readable text form of a whole tree: what golden files hold and what a reviewer reads. */
public final class TreeListing {
    private TreeListing() {
    }

    public static String render(FileTree tree) {
        StringBuilder out = new StringBuilder();
        tree.entries().forEach((path, node) -> {
            if (node instanceof FileNode.RegularFile f) {
                out.append("=== ").append(path).append(" (").append(String.format("%04o", f.mode())).append(")\n");
                out.append(f.content());
                if (!f.content().endsWith("\n")) {
                    out.append("\n\\ no newline at end of file\n");
                }
            } else if (node instanceof FileNode.Symlink s) {
                out.append("=== ").append(path).append(" -> ").append(s.target()).append('\n');
            }
        });
        return out.toString();
    }
}
