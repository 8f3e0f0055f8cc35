#include "sqllexer.h"

#include "sqlhighlighting.h"

#include <QFontDatabase>
#include <QPalette>

namespace tidemark::ui {

namespace {

struct StyleColours
{
    QColor keyword, type, function, string, number, comment, quotedIdentifier;
};

StyleColours coloursFor(bool dark)
{
    if (dark) {
        return {QColor(0xcc, 0x78, 0x32), QColor(0xc5, 0x86, 0xc0), QColor(0xff, 0xc6, 0x6d),
                QColor(0x6a, 0xab, 0x73), QColor(0x68, 0x97, 0xbb), QColor(0x80, 0x80, 0x80),
                QColor(0x9c, 0xdc, 0xfe)};
    }
    return {QColor(0x00, 0x33, 0xb3), QColor(0x87, 0x10, 0x94), QColor(0x00, 0x62, 0x7a),
            QColor(0x06, 0x7d, 0x17), QColor(0x17, 0x50, 0xeb), QColor(0x8c, 0x8c, 0x8c),
            QColor(0x87, 0x3e, 0x00)};
}

constexpr int lastStyle = QsciLexerSQL::QuotedOperator;

} // namespace

SqlLexer::SqlLexer(SqlDialect dialect, QObject *parent)
    : QsciLexerSQL(parent)
    , m_dialect(dialect)
    , m_keywords(sqlKeywords(dialect))
{
    setFoldComments(true);
    setFoldCompact(false);
    setBackslashEscapes(dialect == SqlDialect::MySql);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setDefaultFont(fixed);
    setFont(fixed, -1);
}

void SqlLexer::setDialect(SqlDialect dialect)
{
    m_dialect = dialect;
    m_keywords = sqlKeywords(dialect);
    setBackslashEscapes(dialect == SqlDialect::MySql);
}

const char *SqlLexer::keywords(int set) const
{
    switch (set) {
    case 1:
        return m_keywords.keywords.constData();
    case 5:
        return m_keywords.types.constData();
    case 6:
        return m_keywords.functions.constData();
    default:
        return nullptr; // sets 2-4, 7, 8: none
    }
}

void SqlLexer::applyPalette(const QPalette &palette)
{
    const StyleColours colours = coloursFor(isDarkPalette(palette));
    const QColor paper = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    setDefaultPaper(paper);
    setDefaultColor(text);
    setPaper(paper, -1);
    for (int style = 0; style <= lastStyle; ++style) {
        QColor colour = text;
        switch (style) {
        case Comment:
        case CommentLine:
        case CommentDoc:
        case CommentLineHash:
        case CommentDocKeyword:
        case CommentDocKeywordError:
        case PlusComment:
            colour = colours.comment;
            break;
        case Number:
            colour = colours.number;
            break;
        case Keyword:
        case PlusKeyword:
            colour = colours.keyword;
            break;
        case DoubleQuotedString:
        case SingleQuotedString:
            colour = colours.string;
            break;
        case KeywordSet5:
            colour = colours.type;
            break;
        case KeywordSet6:
            colour = colours.function;
            break;
        case QuotedIdentifier:
            colour = colours.quotedIdentifier;
            break;
        default:
            break;
        }
        setColor(colour, style);
    }
    QFont bold = font(Keyword);
    bold.setBold(true);
    setFont(bold, Keyword);
}

} // namespace tidemark::ui
