#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace tidemark {

// Tidemark's own settings for one file, from "-- tidemark: key=value ..." lines in the file's
// leading comment block (where Jetbase's delimiter directive goes: comments, so Jetbase and the
// checksum ignore them). Keys: transaction=on|off, statement-timeout=SECONDS,
// lock-wait-timeout=SECONDS (0: no limit).
struct FileDirectives
{
    bool transaction = true;
    int transactionLine = 0; // line of "transaction=off"; 0 when not given
    std::optional<int> statementTimeoutSeconds;
    std::optional<int> lockWaitTimeoutSeconds;
    // An unknown key or a bad value: the file must not run (a mistyped "transaction=of" would
    // otherwise run the file in a transaction it was written to avoid). Line and message.
    int errorLine = 0;
    QString error;
};

// Something in the file that is legal but probably not what its author meant.
struct TextWarning
{
    int line = 0;
    QString message;
};

// A migration file's text split the way Jetbase reads it (JETBASE-COMPAT.md §4).
struct MigrationText
{
    QString delimiter = QStringLiteral(";"); // from "-- jetbase: delimiter=..."
    QString upgradeSql;        // every line before the rollback marker, line breaks as '\n'
    int upgradeFirstLine = 1;  // file line of upgradeSql's first line
    QString rollbackSql;       // every line after the marker
    int rollbackFirstLine = 0; // file line of rollbackSql's first line; 0: no rollback section
    QStringList jetbaseUpgradeStatements; // Jetbase's own line-based statements, for the checksum
    QString checksum;                     // lower-case hex SHA-256, byte for byte Jetbase's
    FileDirectives directives;
    // Comment lines before the rollback marker that look like a mistyped marker ("-- rollback:",
    // "--- rollback", "-- down"): Jetbase, and so Tidemark, runs what follows them as part of
    // the upgrade.
    QList<TextWarning> warnings;
    // False for a summary from the checksum cache (status): everything above but upgradeSql,
    // rollbackSql and jetbaseUpgradeStatements, which are empty.
    bool sqlRead = true;

    bool hasRollbackSection() const { return rollbackFirstLine > 0; }
};

// Decodes the bytes as UTF-8 (an invalid sequence is an Error::Code::Encoding with its line;
// a byte-order mark stays part of the first line, as in Jetbase) and splits them.
Result<MigrationText> parseMigrationText(const QByteArray &bytes);

// Reads the file and parses it as above; errors carry the file's path.
Result<MigrationText> readMigrationTextFile(const QString &path);

// A file's text cut at its rollback marker line (the rule parseMigrationText follows), so that
// upgrade + marker + rollback is the text again, character for character: for editors that show
// the two sections apart and save them back. Without a rollback section, marker and rollback are
// empty and markerLine is 0; otherwise markerLine is the marker's 1-based file line.
struct MigrationSections
{
    QString upgrade;  // up to the marker line, with its last line break
    QString marker;   // the marker line as written, with its line break
    QString rollback; // everything after the marker line
    int markerLine = 0;
};
MigrationSections cutAtRollbackMarker(const QString &text);

// SHA-256 of the statements joined with '\n', lower-case hex.
QString jetbaseChecksum(const QStringList &statements);

} // namespace tidemark
