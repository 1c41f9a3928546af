package io.goodword.data;

import static io.goodword.data.WorkspaceImport.NOT_IMPORTED;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The order in which an import loads tables, from the live schema's foreign keys. */
final class ImportOrder {
    private ImportOrder() {}

    /**
     * Tables in an order where every NOT NULL foreign key points to a table already imported; nullable references
     * to later tables (cycles such as case_studies ⇄ case_study_versions) are filled in afterwards.
     */
    static List<String> order(Map<String, List<SchemaDao.Column>> tenant, List<SchemaDao.ForeignKey> fks, Set<String> present) {
        Set<String> tables = new LinkedHashSet<>();
        for (String t : tenant.keySet()) if (present.contains(t) && !NOT_IMPORTED.contains(t)) tables.add(t);
        Map<String, Set<String>> needs = new HashMap<>();
        for (String t : tables) needs.put(t, new LinkedHashSet<>());
        for (SchemaDao.ForeignKey fk : fks) {
            if (!tables.contains(fk.table()) || !tables.contains(fk.refTable()) || fk.table().equals(fk.refTable())) continue;
            boolean nullable = tenant.get(fk.table()).stream().filter(c -> c.name().equals(fk.column())).findFirst()
                    .map(SchemaDao.Column::nullable).orElse(true);
            if (!nullable) needs.get(fk.table()).add(fk.refTable());
        }
        // Prefer satisfying nullable references too when it costs nothing: a second pass adds them unless they close a cycle.
        for (SchemaDao.ForeignKey fk : fks) {
            if (!tables.contains(fk.table()) || !tables.contains(fk.refTable()) || fk.table().equals(fk.refTable())) continue;
            if (!reaches(needs, fk.refTable(), fk.table())) needs.get(fk.table()).add(fk.refTable());
        }
        List<String> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(tables);
        int guard = 0;
        while (!pending.isEmpty()) {
            String t = pending.poll();
            if (done.containsAll(needs.get(t))) {
                out.add(t);
                done.add(t);
                guard = 0;
            } else {
                pending.add(t);
                if (++guard > pending.size() + 1) throw new IllegalStateException("required foreign keys form a cycle: " + pending);
            }
        }
        return out;
    }

    private static boolean reaches(Map<String, Set<String>> needs, String from, String target) {
        Deque<String> stack = new ArrayDeque<>(List.of(from));
        Set<String> seen = new LinkedHashSet<>();
        while (!stack.isEmpty()) {
            String t = stack.pop();
            if (t.equals(target)) return true;
            if (seen.add(t)) stack.addAll(needs.getOrDefault(t, Set.of()));
        }
        return false;
    }
}
