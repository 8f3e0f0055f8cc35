#include "transactioncontrol.h"

#include <QStringList>

namespace tidemark {

namespace {

// The first words of the statement, upper-case, after leading whitespace and comments
// ("-- ...", "# ..." on MySQL, "/* ... */").
QStringList leadingWords(const QString &statement, SqlDialect dialect, int count)
{
    QStringList words;
    qsizetype i = 0;
    const qsizetype n = statement.size();
    while (i < n && words.size() < count) {
        const QChar c = statement.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == u'-' && i + 1 < n && statement.at(i + 1) == u'-') {
            while (i < n && statement.at(i) != u'\n')
                ++i;
        } else if (c == u'#' && dialect == SqlDialect::MySql) {
            while (i < n && statement.at(i) != u'\n')
                ++i;
        } else if (c == u'/' && i + 1 < n && statement.at(i + 1) == u'*') {
            const qsizetype end = statement.indexOf(QStringLiteral("*/"), i + 2);
            i = end < 0 ? n : end + 2;
        } else if (c.isLetter() || c == u'_') {
            const qsizetype start = i;
            while (i < n && (statement.at(i).isLetterOrNumber() || statement.at(i) == u'_'))
                ++i;
            words.append(statement.sliced(start, i - start).toUpper());
        } else {
            words.append(QString(c));
            ++i;
        }
    }
    return words;
}

} // namespace

TransactionControlStatement transactionControl(const QString &statement, SqlDialect dialect)
{
    const QStringList w = leadingWords(statement, dialect, 3);
    const auto word = [&w](int i) { return i < w.size() ? w.at(i) : QString(); };
    const auto result = [&w](TransactionControl kind, int words) {
        return TransactionControlStatement{kind, w.mid(0, words).join(u' ')};
    };
    const QString first = word(0);
    if (first == u"BEGIN") {
        // MySQL/MariaDB: "BEGIN NOT ATOMIC ... END" is an anonymous compound statement.
        if (word(1) == u"NOT")
            return {};
        return result(TransactionControl::Opens, 1);
    }
    if (first == u"START" && word(1) == u"TRANSACTION")
        return result(TransactionControl::Opens, 2);
    if (first == u"COMMIT" || first == u"END" || first == u"ABORT")
        return result(TransactionControl::Ends, 1);
    if (first == u"ROLLBACK") {
        if (word(1) == u"TO" || (word(1) == u"WORK" && word(2) == u"TO") ||
            (word(1) == u"TRANSACTION" && word(2) == u"TO"))
            return result(TransactionControl::Savepoint, 2);
        return result(TransactionControl::Ends, 1);
    }
    if (first == u"PREPARE" && word(1) == u"TRANSACTION")
        return result(TransactionControl::Ends, 2);
    if (first == u"SAVEPOINT" || first == u"RELEASE")
        return result(TransactionControl::Savepoint, 1);
    if (first == u"SET" && dialect == SqlDialect::MySql) {
        // SET autocommit = 0 / SET SESSION autocommit / SET @@autocommit
        const QString target = word(1) == u"SESSION" || word(1) == u"LOCAL" ? word(2) : word(1);
        if (target == u"AUTOCOMMIT" ||
            statement.contains(QStringLiteral("@@autocommit"), Qt::CaseInsensitive))
            return TransactionControlStatement{TransactionControl::Mode,
                                               QStringLiteral("SET autocommit")};
    }
    return {};
}

} // namespace tidemark
