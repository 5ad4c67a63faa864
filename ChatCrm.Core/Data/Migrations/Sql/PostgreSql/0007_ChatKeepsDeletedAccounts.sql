-- A deleted account keeps its place in its chats, as its messages do: chat_participants loses its foreign key to users.
ALTER TABLE chat_participants DROP CONSTRAINT "FK_chat_participants_users_UserId";
