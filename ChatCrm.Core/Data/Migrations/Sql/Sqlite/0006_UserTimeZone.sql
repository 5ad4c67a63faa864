-- The account's time zone (an IANA id such as Europe/Lisbon): times on screen and in mail are shown in it. Null until
-- the person's browser tells it or they choose one; existing accounts start that way and read UTC until then.
ALTER TABLE "users" ADD "TimeZone" TEXT NULL;
