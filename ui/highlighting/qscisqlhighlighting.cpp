#include "qscisqlhighlighting.h"

#include "sqllexer.h"

#include "editor/qscintilla.h"

namespace tidemark::ui {

QsciSqlHighlighting::QsciSqlHighlighting(QsciScintilla *editor, SqlDialect dialect)
    : m_editor(editor)
    , m_lexer(new SqlLexer(dialect, editor))
{
    m_lexer->applyPalette(editor->palette());
    editor->setLexer(m_lexer);
}

QsciSqlHighlighting::~QsciSqlHighlighting()
{
    if (m_editor && m_editor->lexer() == m_lexer)
        m_editor->setLexer(nullptr);
    delete m_lexer; // parented to the editor; deleted here when the editor outlives this
}

QString QsciSqlHighlighting::backendName() const
{
    return QStringLiteral("qscintilla");
}

SqlDialect QsciSqlHighlighting::dialect() const
{
    return m_lexer->dialect();
}

void QsciSqlHighlighting::setDialect(SqlDialect dialect)
{
    if (dialect == m_lexer->dialect())
        return;
    m_lexer->setDialect(dialect);
    // QScintilla reads the keyword lists when the lexer is set: set it again to re-style.
    if (m_editor) {
        m_editor->setLexer(nullptr);
        m_editor->setLexer(m_lexer);
    }
}

void QsciSqlHighlighting::applyPalette(const QPalette &palette)
{
    m_lexer->applyPalette(palette);
}

SqlLexer *QsciSqlHighlighting::lexer() const
{
    return m_lexer;
}

} // namespace tidemark::ui
