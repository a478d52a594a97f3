package org.rolegraph.ingest.read;

import org.rolegraph.model.records.Credential;
import org.rolegraph.model.records.Organization;
import org.rolegraph.model.records.Role;
import org.rolegraph.model.records.Source;
import org.rolegraph.model.records.Term;

/**
 * Receives the entries of a role-data file one at a time, in file order, each with the position of
 * its first line. Entries with problems are reported to the {@link Reporter} and not handed on.
 */
public interface EntryHandler {

    void source(Source source, long line, long column);

    void organization(Organization organization, long line, long column);

    void credential(Credential credential, long line, long column);

    void term(Term term, long line, long column);

    void role(Role role, long line, long column);

    /**
     * An entry of this kind and id was found but had problems (already reported). References to it
     * should not be reported again as unknown.
     */
    default void rejected(EntryKind kind, String id) {}
}
