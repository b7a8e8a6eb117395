-- Personal numbers are stored encrypted (<cipher>:<key id>:<nonce, ciphertext and tag>) with a keyed look-up hash
-- (<hash>:<key id>:<digest>); the keys live outside the database (docs/security.md, 个人信息保护).
--
-- ID numbers stored in plain text before this migration are marked 'plain::<number>': the service encrypts and hashes
-- them when it starts (re-encryption treats them like values under a retired key), and nothing else reads that form.
alter table member drop constraint member_id_number_unique;
alter table member rename column id_number to id_number_cipher;
alter table member alter column id_number_cipher type text;
update member set id_number_cipher = 'plain::' || id_number_cipher;
alter table member add column id_number_hash text;
-- one person belongs to one household only: the same ID number gives the same hash
alter table member add constraint member_id_number_hash_unique unique (id_number_hash);
alter table member add constraint member_id_number_hash_present
    check (id_number_hash is not null or starts_with(id_number_cipher, 'plain::'));

-- contact phone 联系电话 and the bank account subsidies are paid into 一卡通账号
alter table household add column phone_cipher text;
alter table household add column bank_account_cipher text;
