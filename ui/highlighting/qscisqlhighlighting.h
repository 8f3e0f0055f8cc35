#pragma once

#include "sqlhighlighting.h"

#include <QPointer>

namespace tidemark::ui {

class SqlLexer;

// SqlHighlighting through QScintilla: an SqlLexer (QsciLexerSQL subclass) of the editor's own,
// parented to the editor and set as its lexer.
class QsciSqlHighlighting final : public SqlHighlighting
{
public:
    QsciSqlHighlighting(QsciScintilla *editor, SqlDialect dialect);
    ~QsciSqlHighlighting() override;

    QString backendName() const override;
    SqlDialect dialect() const override;
    void setDialect(SqlDialect dialect) override;
    void applyPalette(const QPalette &palette) override;

    SqlLexer *lexer() const;

private:
    QPointer<QsciScintilla> m_editor;
    QPointer<SqlLexer> m_lexer;
};

} // namespace tidemark::ui
