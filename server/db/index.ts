export { createDb, getDb, BUSY_TIMEOUT_MS, type DbConfig, type PrismaClient } from "./client";
export { transaction, isBusyError, isUniqueViolation, type Db, type Tx } from "./transaction";
export { newId } from "./ids";
export { readRows } from "./reader";
export { write, writeTransaction, SqlTx, type Writer } from "./writer";
