package org.rolegraph.app.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

/**
 * Fuseki's update endpoint, which exists only with --allow-update and behind a password, without
 * LOAD: an update never makes the server fetch a URL or read a file.
 */
final class SafeUpdate extends SPARQL_Update {

    @Override
    protected void execute(HttpAction action, InputStream input) {
        byte[] body;
        try {
            body = input.readAllBytes();
        } catch (IOException e) {
            ServletOps.errorBadRequest("cannot read the update: " + e.getMessage());
            return;
        }
        try {
            UpdateRequest request = UpdateFactory.create(new String(body, StandardCharsets.UTF_8));
            if (request.getOperations().stream().anyMatch(UpdateLoad.class::isInstance)) {
                ServletOps.errorBadRequest("LOAD is not allowed: it would make this server fetch a URL or read a file");
            }
        } catch (QueryParseException e) {
            // Fuseki reports the syntax error itself, with its position.
        }
        super.execute(action, new ByteArrayInputStream(body));
    }
}
