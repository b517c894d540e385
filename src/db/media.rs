//! Media attachments: uploads waiting for a post, and the images of posts (local files or
//! remote URLs).

use super::{Conn, DbError, execute, query_as, query_scalar};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MediaRow {
    pub id: i64,
    pub owner_id: i64,
    pub post_id: Option<i64>,
    pub position: i64,
    pub content_type: String,
    pub file_name: Option<String>,
    pub preview_name: Option<String>,
    pub remote_url: Option<String>,
    pub description: String,
    pub width: Option<i64>,
    pub height: Option<i64>,
    pub blurhash: Option<String>,
    pub focus_x: f64,
    pub focus_y: f64,
    pub size_bytes: i64,
    pub created_at: i64,
    pub updated_at: Option<i64>,
}

/// How many posts one [`list_media_of_posts`] statement covers.
pub const POSTS_PER_BATCH: usize = 50;

pub struct NewUpload<'a> {
    pub id: i64,
    pub owner_id: i64,
    pub content_type: &'a str,
    pub file_name: &'a str,
    pub preview_name: Option<&'a str>,
    pub description: &'a str,
    pub width: i64,
    pub height: i64,
    pub blurhash: Option<&'a str>,
    pub focus: (f64, f64),
    pub size_bytes: i64,
    pub now: i64,
}

pub async fn insert_upload(conn: &mut Conn<'_>, upload: &NewUpload<'_>) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO media_attachments (id, owner_id, content_type, file_name, preview_name, description, \
         width, height, blurhash, focus_x, focus_y, size_bytes, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        upload.id,
        upload.owner_id,
        upload.content_type,
        upload.file_name,
        upload.preview_name,
        upload.description,
        upload.width,
        upload.height,
        upload.blurhash,
        upload.focus.0,
        upload.focus.1,
        upload.size_bytes,
        upload.now,
    )?;
    Ok(())
}

pub struct NewRemoteMedia<'a> {
    pub id: i64,
    pub owner_id: i64,
    pub post_id: i64,
    pub position: i64,
    pub content_type: &'a str,
    pub remote_url: &'a str,
    pub description: &'a str,
    pub width: Option<i64>,
    pub height: Option<i64>,
    pub blurhash: Option<&'a str>,
    pub now: i64,
}

pub async fn insert_remote_media(conn: &mut Conn<'_>, media: &NewRemoteMedia<'_>) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO media_attachments (id, owner_id, post_id, position, content_type, remote_url, description, \
         width, height, blurhash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        media.id,
        media.owner_id,
        media.post_id,
        media.position,
        media.content_type,
        media.remote_url,
        media.description,
        media.width,
        media.height,
        media.blurhash,
        media.now,
    )?;
    Ok(())
}

/// Forgets the attachments of a remote post (before storing its new version).
pub async fn delete_media_of_post(conn: &mut Conn<'_>, post_id: i64) -> Result<(), DbError> {
    execute!(conn, "DELETE FROM media_attachments WHERE post_id = $1", post_id)?;
    Ok(())
}

/// Uploads never attached to a post, made before `before`: at most `limit`, oldest first, each
/// deleted as it is listed (the caller removes the files once this is committed).
pub async fn delete_unattached_uploads(
    conn: &mut Conn<'_>,
    before: i64,
    limit: i64,
) -> Result<Vec<MediaRow>, DbError> {
    query_as!(
        conn,
        MediaRow,
        fetch_all,
        "DELETE FROM media_attachments WHERE id IN (SELECT id FROM media_attachments \
         WHERE post_id IS NULL AND created_at < $1 ORDER BY created_at LIMIT $2) \
         RETURNING id, owner_id, post_id, position, content_type, file_name, preview_name, remote_url, \
         description, width, height, blurhash, focus_x, focus_y, size_bytes, created_at, updated_at",
        before,
        limit,
    )
}

pub async fn get_media(conn: &mut Conn<'_>, id: i64) -> Result<Option<MediaRow>, DbError> {
    query_as!(
        conn,
        MediaRow,
        fetch_optional,
        "SELECT id, owner_id, post_id, position, content_type, file_name, preview_name, remote_url, \
         description, width, height, blurhash, focus_x, focus_y, size_bytes, created_at, updated_at \
         FROM media_attachments WHERE id = $1",
        id
    )
}

/// The upload a stored file (or its preview) belongs to.
pub async fn get_media_by_file_name(conn: &mut Conn<'_>, name: &str) -> Result<Option<MediaRow>, DbError> {
    query_as!(
        conn,
        MediaRow,
        fetch_optional,
        "SELECT id, owner_id, post_id, position, content_type, file_name, preview_name, remote_url, \
         description, width, height, blurhash, focus_x, focus_y, size_bytes, created_at, updated_at \
         FROM media_attachments WHERE file_name = $1 OR preview_name = $1",
        name
    )
}

pub async fn update_media_description(
    conn: &mut Conn<'_>,
    id: i64,
    description: &str,
    focus: (f64, f64),
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "UPDATE media_attachments SET description = $2, focus_x = $3, focus_y = $4, updated_at = $5 WHERE id = $1",
        id,
        description,
        focus.0,
        focus.1,
        now,
    )?;
    Ok(())
}

/// Attaches an owner's unattached upload to a post; false when it is not theirs or already used.
pub async fn attach_upload(
    conn: &mut Conn<'_>,
    id: i64,
    owner_id: i64,
    post_id: i64,
    position: i64,
) -> Result<bool, DbError> {
    let changed = execute!(
        conn,
        "UPDATE media_attachments SET post_id = $3, position = $4 \
         WHERE id = $1 AND owner_id = $2 AND post_id IS NULL AND file_name IS NOT NULL",
        id,
        owner_id,
        post_id,
        position,
    )?;
    Ok(changed == 1)
}

/// The attachments of up to [`POSTS_PER_BATCH`] posts (one statement; unused slots are bound
/// to an id no post has), in post and position order.
pub async fn list_media_of_posts(conn: &mut Conn<'_>, posts: &[i64]) -> Result<Vec<MediaRow>, DbError> {
    const SQL: &str = concat!(
        "SELECT id, owner_id, post_id, position, content_type, file_name, preview_name, remote_url, ",
        "description, width, height, blurhash, focus_x, focus_y, size_bytes, created_at, updated_at ",
        "FROM media_attachments WHERE post_id IN (",
        "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, $40, $41, $42, $43, $44, $45, $46, $47, $48, $49, $50",
        ") ORDER BY post_id, position, id"
    );
    super::query_as_ids!(conn, MediaRow, SQL, posts, POSTS_PER_BATCH)
}

/// The attachments of every post of a thread, in post and position order.
pub async fn list_media_of_thread(conn: &mut Conn<'_>, root_id: i64) -> Result<Vec<MediaRow>, DbError> {
    query_as!(
        conn,
        MediaRow,
        fetch_all,
        "SELECT m.id, m.owner_id, m.post_id, m.position, m.content_type, m.file_name, m.preview_name, \
         m.remote_url, m.description, m.width, m.height, m.blurhash, m.focus_x, m.focus_y, m.size_bytes, \
         m.created_at, m.updated_at \
         FROM media_attachments m JOIN posts p ON p.id = m.post_id WHERE p.root_id = $1 \
         ORDER BY m.post_id, m.position, m.id",
        root_id
    )
}

/// How many uploads an account made since `since` (a flood check).
pub async fn count_uploads_since(conn: &mut Conn<'_>, owner_id: i64, since: i64) -> Result<i64, DbError> {
    query_scalar!(
        conn,
        i64,
        fetch_one,
        "SELECT COUNT(*) FROM media_attachments WHERE owner_id = $1 AND created_at >= $2 AND file_name IS NOT NULL",
        owner_id,
        since,
    )
}
