#include "connections/profilekeychain.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QPointer>

namespace tidemark::ui {

namespace {

QString errorText(const QKeychain::Job &job)
{
    switch (job.error()) {
    case QKeychain::NoBackendAvailable:
        return ProfileKeychain::tr("No system keychain is available (%1). Start a Secret Service "
                                   "such as GNOME Keyring or KWallet, or connect without saving "
                                   "the password.")
            .arg(job.errorString());
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return ProfileKeychain::tr("The system keychain refused access (%1). Unlock it and try "
                                   "again.")
            .arg(job.errorString());
    default:
        return ProfileKeychain::tr("The system keychain (the Secret Service: GNOME Keyring or "
                                   "KWallet) could not be used: %1. Check that it is running "
                                   "and unlocked.")
            .arg(job.errorString());
    }
}

// Starts the job; its answer goes to done unless context is gone by then.
void run(QKeychain::Job *job, QObject *context, ProfileKeychain::Done done)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [done = std::move(done)](QKeychain::Job *finished) {
                         const auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished);
                         if (finished->error() == QKeychain::NoError)
                             return done(true, read ? read->textData() : QString(), {});
                         if (finished->error() == QKeychain::EntryNotFound)
                             return done(true, {}, {});
                         done(false, {}, errorText(*finished));
                     });
    job->start();
}

} // namespace

QString ProfileKeychain::service()
{
    return QStringLiteral("Tidemark");
}

void ProfileKeychain::read(const QString &profileId, QObject *context, Done done)
{
    auto *job = new QKeychain::ReadPasswordJob(service());
    job->setKey(profileId);
    run(job, context, std::move(done));
}

void ProfileKeychain::write(const QString &profileId, const QString &password, QObject *context,
                            Done done)
{
    auto *job = new QKeychain::WritePasswordJob(service());
    job->setKey(profileId);
    job->setTextData(password);
    run(job, context, std::move(done));
}

void ProfileKeychain::remove(const QString &profileId, QObject *context, Done done)
{
    auto *job = new QKeychain::DeletePasswordJob(service());
    job->setKey(profileId);
    run(job, context, std::move(done));
}

} // namespace tidemark::ui
