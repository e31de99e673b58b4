package org.civic311.server.storage.sql;

import java.util.function.Function;
import org.civic311.server.storage.ApiKeyStore;
import org.civic311.server.storage.AuditStore;
import org.civic311.server.storage.CaseworkStore;
import org.civic311.server.storage.CatalogueStore;
import org.civic311.server.storage.StaffStore;
import org.civic311.server.storage.Transaction;
import org.civic311.server.storage.Transactions;
import org.civic311.server.storage.UpdateStore;
import org.jdbi.v3.core.Handle;

/**
 * One transaction around work on several stores. It goes through the database's {@link Writer}:
 * on SQLite it is one unit of a group commit, inside its own savepoint, so a failure rolls back
 * this work alone; on PostgreSQL it is a transaction of its own. The stores handed to the work
 * are the usual ones, made to read and write on the transaction's connection.
 */
final class SqlTransactions implements Transactions {
  private final Writer writer;
  private final Dialect dialect;

  SqlTransactions(Writer writer, Dialect dialect) {
    this.writer = writer;
    this.dialect = dialect;
  }

  @Override
  public <T> T call(Function<Transaction, T> work) {
    return Guard.call("commit a transaction", () -> writer.inTransaction(h -> work.apply(new Open(h, dialect))));
  }

  private record Open(Handle h, Dialect dialect) implements Transaction {
    @Override
    public CaseworkStore casework() {
      return new SqlCaseworkStore(Reader.joining(h), Writer.joining(h), dialect);
    }

    @Override
    public UpdateStore updates() {
      return new SqlUpdateStore(Reader.joining(h), Writer.joining(h), dialect);
    }

    @Override
    public CatalogueStore catalogue() {
      return new SqlCatalogueStore(Reader.joining(h), Writer.joining(h), dialect);
    }

    @Override
    public ApiKeyStore apiKeys() {
      return new SqlApiKeyStore(Reader.joining(h), Writer.joining(h));
    }

    @Override
    public StaffStore staff() {
      return new SqlStaffStore(Reader.joining(h), Writer.joining(h));
    }

    @Override
    public AuditStore audit() {
      return new SqlAuditStore(Reader.joining(h), Writer.joining(h));
    }
  }
}
