import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiAuthGuard } from './api-auth.guard';
import { ApiUsersService } from './api-users.service';
import { UsersController } from './users.controller';

@Module({
  controllers: [UsersController],
  providers: [ApiUsersService, { provide: APP_GUARD, useClass: ApiAuthGuard }],
  exports: [ApiUsersService],
})
export class AuthModule {}
