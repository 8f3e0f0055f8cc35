#pragma once

// Hiding passwords in text that Tidemark did not write.

#include <QString>

namespace tidemark {

// A message (a server's, a driver's, Python's) with its secrets hidden: the password of every
// URL in it (scheme://user:***@), the value of every password=/pwd= key of a connection string,
// and `password` where it stands as a URL's or connection string's password (":password@",
// "password=..."). A word that merely equals the password elsewhere in the message stays, so
// that the placeholder password "password" does not garble "password authentication failed".
QString redactSecretsInText(QString text, const QString &password = {});

} // namespace tidemark
