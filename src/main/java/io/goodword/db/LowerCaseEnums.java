package io.goodword.db;

import java.lang.reflect.Type;
import java.sql.Types;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.ColumnMapperFactory;

/**
 * The one enum ↔ column convention: a status is stored as its Java name in lower case ({@code Lead.Status.WON} ↔
 * {@code 'won'}). Registered on the Jdbi by {@link Database}, so a record holds the enum and a DAO binds it, with no
 * per-enum code. Reading matches case-insensitively, so rows written before V61 lower-cased them (or an older export
 * archive being imported) still map.
 */
public final class LowerCaseEnums {
    private LowerCaseEnums() {}

    public static String value(Enum<?> e) { return e == null ? null : e.name().toLowerCase(Locale.ROOT); }

    /** The constant named {@code s} in any case, or null (null, blank or unknown). */
    public static <E extends Enum<E>> E parse(Class<E> type, String s) {
        if (s == null) return null;
        String t = s.strip();
        for (E e : type.getEnumConstants()) if (e.name().equalsIgnoreCase(t)) return e;
        return null;
    }

    /** Binds any enum as its lower-case name. */
    public static final class Arguments implements ArgumentFactory.Preparable {
        @Override
        public Optional<java.util.function.Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
            Class<?> raw = GenericTypes.getErasedType(type);
            if (!raw.isEnum() && !(raw.getSuperclass() != null && raw.getSuperclass().isEnum())) return Optional.empty();
            return Optional.of(v -> (position, statement, ctx) -> {
                if (v == null) statement.setNull(position, Types.VARCHAR);
                else statement.setString(position, value((Enum<?>) v));
            });
        }
    }

    /** Maps a column to any enum by name, ignoring case; an unknown value is an error, not a silent null. */
    public static final class Columns implements ColumnMapperFactory {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Optional<ColumnMapper<?>> build(Type type, ConfigRegistry config) {
            Class<?> raw = GenericTypes.getErasedType(type);
            if (!raw.isEnum()) return Optional.empty();
            Class<? extends Enum> enumType = (Class<? extends Enum>) raw;
            return Optional.of((r, i, ctx) -> {
                String s = r.getString(i);
                if (s == null) return null;
                Enum<?> e = parse((Class) enumType, s);
                if (e == null) throw new IllegalStateException("unknown " + enumType.getSimpleName() + " value in the database");
                return e;
            });
        }
    }
}
