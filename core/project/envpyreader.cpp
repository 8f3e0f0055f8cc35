#include "envpyreader.h"

#include <QList>
#include <QSet>
#include <QStringList>

#include <algorithm>

namespace tidemark {

using namespace Qt::StringLiterals;

namespace {

struct Token
{
    enum class Kind { Name, Number, String, Op };
    Kind kind = Kind::Op;
    QString text; // names, numbers and operators as written; strings decoded
    int line = 0;
    bool dynamic = false; // f-strings, bytes and \N{...} escapes: not a plain str literal
};
using Tokens = QList<Token>;

struct LogicalLine
{
    Tokens tokens;
    int indent = 0;
};

// Splits Python source into logical lines of tokens: comments dropped, brackets and
// backslashes joining physical lines. Stops at the first error, keeping what came before.
class Tokenizer
{
public:
    explicit Tokenizer(const QString &source)
        : m_src(source)
    {}

    QList<LogicalLine> run()
    {
        QList<LogicalLine> lines;
        LogicalLine current;
        bool atLineStart = true;
        const auto flush = [&] {
            if (!current.tokens.isEmpty())
                lines << current;
            current = {};
            atLineStart = true;
        };
        while (m_pos < m_src.size() && m_errorLine == 0) {
            const QChar c = m_src[m_pos];
            if (atLineStart && m_brackets.isEmpty()) {
                int column = 0;
                while (m_pos < m_src.size() &&
                       (m_src[m_pos] == u' ' || m_src[m_pos] == u'\t' || m_src[m_pos] == u'\f')) {
                    column = m_src[m_pos] == u'\t' ? (column / 8 + 1) * 8 : column + 1;
                    ++m_pos;
                }
                current.indent = column;
                atLineStart = false;
                continue;
            }
            if (c == u'\n') {
                ++m_line;
                ++m_pos;
                if (m_brackets.isEmpty())
                    flush();
            } else if (c == u'\\' && peek(1) == u'\n') {
                m_pos += 2;
                ++m_line;
            } else if (c.isSpace()) {
                ++m_pos;
            } else if (c == u'#') {
                while (m_pos < m_src.size() && m_src[m_pos] != u'\n')
                    ++m_pos;
            } else if (c == u'"' || c == u'\'') {
                readString({}, current.tokens);
            } else if (c.isLetter() || c == u'_') {
                const qsizetype start = m_pos;
                while (m_pos < m_src.size() &&
                       (m_src[m_pos].isLetterOrNumber() || m_src[m_pos] == u'_'))
                    ++m_pos;
                const QString word = m_src.mid(start, m_pos - start);
                static const QStringList prefixes = {u"r"_s,  u"u"_s,  u"b"_s,  u"f"_s,
                                                     u"rb"_s, u"br"_s, u"fr"_s, u"rf"_s};
                if ((peek(0) == u'"' || peek(0) == u'\'') && prefixes.contains(word.toLower()))
                    readString(word.toLower(), current.tokens);
                else
                    current.tokens << Token{Token::Kind::Name, word, m_line};
            } else if (c.isDigit() || (c == u'.' && peek(1).isDigit())) {
                const qsizetype start = m_pos;
                while (m_pos < m_src.size()) {
                    const QChar d = m_src[m_pos];
                    const QChar prev = m_pos > start ? m_src[m_pos - 1] : QChar();
                    const bool sign = (d == u'+' || d == u'-') && (prev == u'e' || prev == u'E') &&
                                      !m_src.mid(start, 2).startsWith(u"0x", Qt::CaseInsensitive);
                    if (!(d.isLetterOrNumber() || d == u'_' || d == u'.' || sign))
                        break;
                    ++m_pos;
                }
                current.tokens << Token{Token::Kind::Number, m_src.mid(start, m_pos - start),
                                        m_line};
            } else {
                readOperator(current.tokens);
            }
        }
        if (m_errorLine == 0 && !m_brackets.isEmpty())
            setError(m_brackets.last().second,
                     QStringLiteral("'%1' was never closed").arg(m_brackets.last().first));
        flush();
        return lines;
    }

    int errorLine() const { return m_errorLine; }
    QString error() const { return m_error; }

private:
    QChar peek(qsizetype offset) const
    {
        return m_pos + offset < m_src.size() ? m_src[m_pos + offset] : QChar();
    }

    void setError(int line, const QString &message)
    {
        if (m_errorLine == 0) {
            m_errorLine = line;
            m_error = message;
        }
    }

    void readOperator(Tokens &tokens)
    {
        const QChar c = m_src[m_pos];
        if (c == u'(' || c == u'[' || c == u'{') {
            m_brackets.append({c, m_line});
        } else if (c == u')' || c == u']' || c == u'}') {
            const QChar open = c == u')' ? u'(' : c == u']' ? u'[' : u'{';
            if (m_brackets.isEmpty() || m_brackets.last().first != open) {
                setError(m_line, QStringLiteral("unmatched '%1'").arg(c));
                return;
            }
            m_brackets.removeLast();
        }
        static const QStringList longOps = {
            u"**="_s, u"//="_s, u">>="_s, u"<<="_s, u"..."_s, u"=="_s, u"!="_s, u"<="_s,
            u">="_s,  u"+="_s,  u"-="_s,  u"*="_s,  u"/="_s,  u"%="_s, u"&="_s, u"|="_s,
            u"^="_s,  u"@="_s,  u"->"_s,  u":="_s,  u"**"_s,  u"//"_s, u"<<"_s, u">>"_s};
        for (const QString &op : longOps) {
            if (QStringView(m_src).mid(m_pos).startsWith(op)) {
                tokens << Token{Token::Kind::Op, op, m_line};
                m_pos += op.size();
                return;
            }
        }
        tokens << Token{Token::Kind::Op, QString(c), m_line};
        ++m_pos;
    }

    void readString(const QString &prefix, Tokens &tokens)
    {
        const QChar quote = m_src[m_pos];
        const bool triple = peek(1) == quote && peek(2) == quote;
        const int startLine = m_line;
        m_pos += triple ? 3 : 1;
        const qsizetype start = m_pos;
        while (true) {
            if (m_pos >= m_src.size()) {
                setError(startLine, triple ? QStringLiteral("unterminated triple-quoted string "
                                                            "literal (detected at line %1)")
                                                 .arg(m_line)
                                           : QStringLiteral("unterminated string literal "
                                                            "(detected at line %1)")
                                                 .arg(m_line));
                return;
            }
            const QChar c = m_src[m_pos];
            if (c == u'\\') { // also in raw strings a backslash keeps the next quote
                if (peek(1) == u'\n')
                    ++m_line;
                m_pos += 2;
                continue;
            }
            if (c == u'\n') {
                if (!triple) {
                    setError(m_line, QStringLiteral("unterminated string literal (detected at "
                                                    "line %1)")
                                         .arg(m_line));
                    return;
                }
                ++m_line;
            }
            if (c == quote && (!triple || (peek(1) == quote && peek(2) == quote)))
                break;
            ++m_pos;
        }
        const QString raw = m_src.mid(start, m_pos - start);
        m_pos += triple ? 3 : 1;
        Token token{Token::Kind::String, raw, startLine};
        token.dynamic = prefix.contains(u'f') || prefix.contains(u'b');
        if (!prefix.contains(u'r'))
            token.text = unescape(raw, &token.dynamic);
        tokens << token;
    }

    static QString unescape(const QString &raw, bool *dynamic)
    {
        QString out;
        for (qsizetype i = 0; i < raw.size(); ++i) {
            if (raw[i] != u'\\' || i + 1 >= raw.size()) {
                out += raw[i];
                continue;
            }
            const QChar e = raw[++i];
            static const QString simple = QStringLiteral("\\'\"abfnrtv");
            static const QString mapped = QStringLiteral("\\'\"\a\b\f\n\r\t\v");
            if (e == u'\n')
                continue;
            if (simple.contains(e)) {
                out += mapped[simple.indexOf(e)];
            } else if (e >= u'0' && e <= u'7') {
                int n = 0, k = 0;
                for (; k < 3 && i < raw.size() && raw[i] >= u'0' && raw[i] <= u'7'; ++k, ++i)
                    n = n * 8 + (raw[i].unicode() - u'0');
                --i;
                out += QChar(n);
            } else if (e == u'x' || e == u'u' || e == u'U') {
                const int width = e == u'x' ? 2 : e == u'u' ? 4 : 8;
                bool ok = false;
                const QString digits = raw.mid(i + 1, width);
                const char32_t code = digits.toUInt(&ok, 16);
                if (!ok || digits.size() != width) {
                    *dynamic = true;
                    continue;
                }
                out += QString::fromUcs4(&code, 1);
                i += width;
            } else if (e == u'N') {
                *dynamic = true; // \N{name}: Python knows the names, we do not
            } else {
                out += u'\\';
                out += e;
            }
        }
        return out;
    }

    const QString &m_src;
    qsizetype m_pos = 0;
    int m_line = 1;
    QList<QPair<QChar, int>> m_brackets;
    int m_errorLine = 0;
    QString m_error;
};

bool isOp(const Token &t, QStringView op)
{
    return t.kind == Token::Kind::Op && t.text == op;
}

bool isName(const Token &t, QStringView name = {})
{
    return t.kind == Token::Kind::Name && (name.isEmpty() || t.text == name);
}

bool isOpen(const Token &t)
{
    return t.kind == Token::Kind::Op && (t.text == u"(" || t.text == u"[" || t.text == u"{");
}

bool isClose(const Token &t)
{
    return t.kind == Token::Kind::Op && (t.text == u")" || t.text == u"]" || t.text == u"}");
}

// True when the bracket at `open` is closed by the last token, as in f("a") but not f("a") + g().
bool closesAtEnd(const Tokens &t, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < t.size(); ++i) {
        depth += isOpen(t[i]) ? 1 : isClose(t[i]) ? -1 : 0;
        if (depth == 0)
            return i == t.size() - 1;
    }
    return false;
}

// Splits tokens at top-level occurrences of `op` (outside brackets).
QList<Tokens> splitTop(const Tokens &tokens, QStringView op)
{
    QList<Tokens> parts{Tokens()};
    int depth = 0;
    for (const Token &t : tokens) {
        depth += isOpen(t) ? 1 : isClose(t) ? -1 : 0;
        if (depth == 0 && isOp(t, op))
            parts << Tokens();
        else
            parts.last() << t;
    }
    return parts;
}

// The result of evaluating an expression statically.
struct Value
{
    enum class State { Static, Dynamic, Problem } state = State::Dynamic;
    QVariant value; // invalid for None
    QString problem;
    static Value of(QVariant v) { return {State::Static, std::move(v), {}}; }
};

class Evaluator
{
public:
    explicit Evaluator(const QProcessEnvironment &environment)
        : m_env(environment)
    {}

    QSet<QString> osNames{u"os"_s};
    QSet<QString> getenvNames;
    QSet<QString> environNames;

    Value eval(const Tokens &t) const
    {
        if (t.isEmpty())
            return {};
        QList<Tokens> items = splitTop(t, u",");
        if (items.size() > 1) { // a bare tuple: "a", "b"
            if (items.last().isEmpty())
                items.removeLast();
            return stringList(items);
        }
        const Token &first = t.first();
        if (first.kind == Token::Kind::String) {
            QString text;
            for (const Token &s : t) {
                if (s.kind != Token::Kind::String || s.dynamic)
                    return {};
                text += s.text;
            }
            return Value::of(text);
        }
        if (t.size() == 1 && isName(first)) {
            if (first.text == u"True" || first.text == u"False")
                return Value::of(first.text == u"True");
            if (first.text == u"None")
                return Value::of(QVariant());
            return {};
        }
        if ((t.size() == 1 && first.kind == Token::Kind::Number) ||
            (t.size() == 2 && (isOp(first, u"-") || isOp(first, u"+"))))
            return number(t);
        if (isOp(first, u"(") && closesAtEnd(t, 0)) {
            const Tokens inner = t.mid(1, t.size() - 2);
            if (inner.isEmpty())
                return Value::of(QStringList());
            QList<Tokens> parts = splitTop(inner, u",");
            if (parts.size() == 1)
                return eval(inner);
            if (parts.last().isEmpty())
                parts.removeLast();
            return stringList(parts);
        }
        if (isOp(first, u"[") && closesAtEnd(t, 0)) {
            QList<Tokens> parts = splitTop(t.mid(1, t.size() - 2), u",");
            if (parts.last().isEmpty())
                parts.removeLast();
            return stringList(parts);
        }
        return environment(t);
    }

private:
    Value stringList(const QList<Tokens> &items) const
    {
        QStringList list;
        for (const Tokens &item : items) {
            const Value v = eval(item);
            if (v.state != Value::State::Static)
                return v;
            if (v.value.typeId() != QMetaType::QString)
                return {};
            list << v.value.toString();
        }
        return Value::of(list);
    }

    static Value number(const Tokens &t)
    {
        if (t.last().kind != Token::Kind::Number)
            return {};
        const bool negative = isOp(t.first(), u"-");
        QString text = t.last().text;
        text.remove(u'_');
        bool ok = false;
        int base = 10;
        if (text.size() > 2 && text[0] == u'0' && text[1].isLetter()) {
            const QChar b = text[1].toLower();
            base = b == u'x' ? 16 : b == u'o' ? 8 : b == u'b' ? 2 : 0;
            text = text.mid(2);
        }
        if (base != 0) {
            const qlonglong n = text.toLongLong(&ok, base);
            if (ok)
                return Value::of(negative ? -n : n);
        }
        if (base == 10 && !text.endsWith(u'j', Qt::CaseInsensitive)) {
            const double d = text.toDouble(&ok);
            if (ok)
                return Value::of(negative ? -d : d);
        }
        return {};
    }

    // os.getenv / os.environ.get / os.environ[...] and their imported forms.
    Value environment(const Tokens &t) const
    {
        qsizetype i = 0;
        bool viaGetenv = false;
        bool viaEnviron = false;
        if (t.size() > 2 && osNames.contains(t[0].text) && isOp(t[1], u".")) {
            if (isName(t[2], u"getenv"))
                viaGetenv = true;
            else if (isName(t[2], u"environ"))
                viaEnviron = true;
            i = 3;
        } else if (!t.isEmpty() && isName(t[0])) {
            viaGetenv = getenvNames.contains(t[0].text);
            viaEnviron = environNames.contains(t[0].text);
            i = 1;
        }
        if (viaEnviron && i + 2 < t.size() && isOp(t[i], u".") && isName(t[i + 1], u"get")) {
            viaEnviron = false;
            viaGetenv = true;
            i += 2;
        }
        if (i >= t.size() || (!viaGetenv && !viaEnviron))
            return {};
        const bool call = viaGetenv && isOp(t[i], u"(") && closesAtEnd(t, i);
        const bool subscript = viaEnviron && isOp(t[i], u"[") && closesAtEnd(t, i);
        if (!call && !subscript)
            return {};
        QList<Tokens> args = splitTop(t.mid(i + 1, t.size() - i - 2), u",");
        if (!args.isEmpty() && args.last().isEmpty())
            args.removeLast();
        if (args.isEmpty() || args.size() > 2 || (subscript && args.size() != 1))
            return {};
        const Value key = eval(args[0]);
        if (key.state != Value::State::Static || key.value.typeId() != QMetaType::QString)
            return {};
        const QString name = key.value.toString();
        if (m_env.contains(name))
            return Value::of(m_env.value(name));
        if (subscript)
            return {Value::State::Problem,
                    {},
                    QStringLiteral("os.environ[\"%1\"], but %1 is not set").arg(name)};
        if (args.size() == 1)
            return Value::of(QVariant());
        Tokens fallback = args[1];
        if (fallback.size() > 2 && isName(fallback[0], u"default") && isOp(fallback[1], u"="))
            fallback = fallback.mid(2);
        return eval(fallback);
    }

    const QProcessEnvironment &m_env;
};

const QSet<QString> kCompoundKeywords = {u"if"_s,    u"elif"_s, u"else"_s,   u"for"_s,
                                         u"while"_s, u"try"_s,  u"except"_s, u"finally"_s,
                                         u"with"_s,  u"def"_s,  u"class"_s,  u"async"_s};

// Whether an import statement imports only from os (which runs nothing of the project's).
bool importsOnlyOs(const Tokens &t)
{
    if (isName(t[0], u"import")) {
        for (const Tokens &part : splitTop(t.mid(1), u",")) {
            const bool plain = part.size() == 1 && isName(part[0], u"os");
            const bool aliased = part.size() == 3 && isName(part[0], u"os") &&
                                 isName(part[1], u"as") && isName(part[2]);
            if (!plain && !aliased)
                return false;
        }
        return true;
    }
    return t.size() >= 4 && isName(t[1], u"os") && isName(t[2], u"import");
}

void readImport(const Tokens &t, Evaluator &evaluator)
{
    if (isName(t[0], u"import")) { // import os, import os as o, import os.path
        for (const Tokens &part : splitTop(t.mid(1), u",")) {
            if (!part.isEmpty() && isName(part[0], u"os"))
                evaluator.osNames << (part.size() == 3 && isName(part[1], u"as") ? part[2].text
                                                                                 : u"os"_s);
        }
        return;
    }
    // from os import getenv, environ as env, *
    if (t.size() < 4 || !isName(t[1], u"os") || !isName(t[2], u"import"))
        return;
    for (Tokens part : splitTop(t.mid(3), u",")) {
        part.removeIf([](const Token &x) { return isOp(x, u"(") || isOp(x, u")"); });
        if (part.isEmpty())
            continue;
        const QString alias =
            part.size() == 3 && isName(part[1], u"as") ? part[2].text : part[0].text;
        if (isOp(part[0], u"*")) {
            evaluator.getenvNames << u"getenv"_s;
            evaluator.environNames << u"environ"_s;
        } else if (isName(part[0], u"getenv")) {
            evaluator.getenvNames << alias;
        } else if (isName(part[0], u"environ")) {
            evaluator.environNames << alias;
        }
    }
}

// Names assigned anywhere in the tokens (targets before a top-level '=', augmented and
// annotated assignments, walrus, del, for targets); used where the value only Python knows.
QStringList assignedNames(const Tokens &t)
{
    static const QStringList comparisons = {u"=="_s, u"!="_s, u"<="_s, u">="_s};
    QStringList names;
    int depth = 0;
    for (qsizetype i = 0; i < t.size(); ++i) {
        depth += isOpen(t[i]) ? 1 : isClose(t[i]) ? -1 : 0;
        if (!isName(t[i]) || (i > 0 && isOp(t[i - 1], u".")))
            continue;
        const QString next =
            i + 1 < t.size() && t[i + 1].kind == Token::Kind::Op ? t[i + 1].text : QString();
        const bool binds = next == u":=" // also inside brackets
                           || (depth == 0 && next.endsWith(u'=') && !comparisons.contains(next)) ||
                           (depth == 0 && next == u",") ||
                           (i > 0 && (isName(t[i - 1], u"del") || isName(t[i - 1], u"for")));
        if (binds)
            names << t[i].text;
    }
    return names;
}

} // namespace

EnvPyContents readEnvPy(const QString &source, const QProcessEnvironment &environment)
{
    // Python reads env.py with universal newlines and skips a UTF-8 byte order mark.
    QString text = source;
    text.replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n');
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    Tokenizer tokenizer(text);
    const QList<LogicalLine> lines = tokenizer.run();
    EnvPyContents contents;
    contents.errorLine = tokenizer.errorLine();
    contents.error = tokenizer.error();

    Evaluator evaluator(environment);
    struct Block
    {
        int indent;
        bool scope; // def or class: names assigned in it are not module-level
    };
    QList<Block> blocks;
    const auto markDynamic = [&](const QStringList &names, int line) {
        for (const QString &name : names)
            contents.entries[name] = EnvPyEntry{{}, line, true, {}};
    };
    const auto markOpaque = [&](const Tokens &t) {
        if (contents.opaqueLine > 0 || t.isEmpty())
            return;
        contents.opaqueLine = t[0].line;
        QStringList words;
        for (qsizetype i = 0; i < t.size() && i < 8; ++i)
            words << (t[i].kind == Token::Kind::String ? u"\"...\""_s : t[i].text);
        contents.opaqueStatement = words.join(u' ') + (t.size() > 8 ? u" ..."_s : QString());
    };

    for (const LogicalLine &logical : lines) {
        while (!blocks.isEmpty() && blocks.last().indent >= logical.indent)
            blocks.removeLast();
        bool inScope = false;
        for (const Block &b : blocks)
            inScope = inScope || b.scope;
        const bool conditional = !blocks.isEmpty();

        for (const Tokens &t : splitTop(logical.tokens, u";")) {
            if (t.isEmpty())
                continue;
            if (isOp(t[0], u"@")) { // a decorator runs when its definition does
                if (!inScope)
                    markOpaque(t);
                continue;
            }
            const int line = t[0].line;
            const bool header = isName(t[0]) && kCompoundKeywords.contains(t[0].text);
            if (header || (isOp(t.last(), u":") && splitTop(t, u"=").size() == 1)) {
                const bool scope =
                    isName(t[0], u"def") || isName(t[0], u"class") || isName(t[0], u"async");
                // A function's body runs only when called; every other block (a class body
                // too) runs here.
                const bool function =
                    isName(t[0], u"def") ||
                    (isName(t[0], u"async") && t.size() > 1 && isName(t[1], u"def"));
                if (!inScope && !function)
                    markOpaque(t);
                const QList<Tokens> parts = splitTop(t, u":");
                if (parts.size() > 1 && !parts.last().isEmpty()) { // "if x: y = 1" on one line
                    if (!inScope && !scope)
                        markDynamic(assignedNames(parts.last()), line);
                } else {
                    blocks.append({logical.indent, scope});
                    if (!inScope && isName(t[0], u"for"))
                        markDynamic(assignedNames(t), line);
                }
                continue;
            }
            if (inScope)
                continue;
            if (isName(t[0], u"import") || isName(t[0], u"from")) {
                if (!importsOnlyOs(t))
                    markOpaque(t);
                readImport(t, evaluator);
                continue;
            }
            QList<Tokens> parts = splitTop(t, u"=");
            if (parts.size() < 2) {
                // A docstring or "pass" does nothing; a call (load_dotenv()), x += 1, del x,
                // (y := 2) may change what follows.
                const bool inert = (t.size() == 1 &&
                                    (t[0].kind == Token::Kind::String || isName(t[0], u"pass"))) ||
                                   std::all_of(t.cbegin(), t.cend(), [](const Token &x) {
                                       return x.kind == Token::Kind::String;
                                   });
                if (!inert)
                    markOpaque(t);
                markDynamic(assignedNames(t), line); // x += 1, del x, (y := 2)
                continue;
            }
            const Value value = evaluator.eval(parts.takeLast());
            for (Tokens target : parts) {
                if (target.size() >= 2 && isOp(target[1], u":")) // annotated: name: str = ...
                    target = target.mid(0, 1);
                if (target.size() != 1 || !isName(target[0])) {
                    markOpaque(t); // os.environ["X"] = ..., a.b = ..., x[0] = ...
                    markDynamic(
                        assignedNames(target + Tokens{Token{Token::Kind::Op, u"="_s, line}}), line);
                    continue;
                }
                EnvPyEntry entry;
                entry.line = line;
                entry.dynamic = conditional || value.state == Value::State::Dynamic;
                if (!entry.dynamic) {
                    entry.value = value.value;
                    entry.problem = value.problem;
                }
                contents.entries[target[0].text] = entry;
            }
        }
    }
    return contents;
}

} // namespace tidemark
